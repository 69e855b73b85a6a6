using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Ventanilla.Attachments;

/// <summary>The hash and size of content that is now safely on disk.</summary>
public sealed record StoredContent(string Sha256, long Size);

/// <summary>
/// Keeps file contents on disk under their SHA-256, so the same photo sent by email, by WhatsApp and
/// on the portal takes space once, and the database row only names the hash.
/// </summary>
public sealed class AttachmentStore
{
    private readonly string root;

    public AttachmentStore(IOptions<StorageOptions> options)
    {
        root = Path.GetFullPath(options.Value.Path);
        Directory.CreateDirectory(Path.Combine(root, "tmp"));
    }

    /// <summary>
    /// Copies the stream to disk, durably, and answers its hash; content already kept is not written
    /// twice. Null, with nothing kept, when the content is longer than <paramref name="maxBytes"/>.
    /// </summary>
    public async Task<StoredContent?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(root, "tmp", Guid.NewGuid().ToString("N"));
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    size += read;
                    if (size > maxBytes)
                    {
                        return null;
                    }
                }

                // On disk before the database row that names it can commit.
                file.Flush(flushToDisk: true);
            }

            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var final = PathOf(sha);
            if (!File.Exists(final))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                try
                {
                    File.Move(temporary, final);
                }
                catch (IOException) when (File.Exists(final))
                {
                    // Another request stored the same content first; theirs is identical.
                }
            }

            return new StoredContent(sha, size);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public bool Exists(string sha256) => IsHash(sha256) && File.Exists(PathOf(sha256));

    /// <summary>Opens stored content for reading; throws <see cref="FileNotFoundException"/> when it is not here.</summary>
    public Stream OpenRead(string sha256)
    {
        if (!IsHash(sha256))
        {
            throw new ArgumentException("Not a SHA-256 in lower-case hex.", nameof(sha256));
        }

        return new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }

    // Two levels of 256 directories keep any one directory small with millions of files.
    private string PathOf(string sha256) => Path.Combine(root, sha256[..2], sha256[2..4], sha256);

    // The hash becomes a path: only exactly 64 lower-case hex digits may, so no input can climb out of the root.
    private static bool IsHash(string value) => value.Length == 64 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
