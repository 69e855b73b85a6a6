using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Ventanilla.Attachments;

namespace Ventanilla.Tests.Attachments;

public sealed class AttachmentStoreTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "ventanilla-store-" + Guid.NewGuid().ToString("N"));

    private AttachmentStore Store() => new(Options.Create(new StorageOptions { Path = root }));

    [Fact]
    public async Task Content_is_kept_under_its_sha256_and_reads_back_the_same()
    {
        var store = Store();
        var stored = await store.SaveAsync(new MemoryStream(Files.Pdf), long.MaxValue, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Files.Pdf)), stored.Sha256);
        Assert.Equal(Files.Pdf.Length, stored.Size);
        await using var read = store.OpenRead(stored.Sha256);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(Files.Pdf, copy.ToArray());
    }

    [Fact]
    public async Task The_same_content_sent_twice_takes_space_once()
    {
        var store = Store();
        await store.SaveAsync(new MemoryStream(Files.Png), long.MaxValue, CancellationToken.None);
        await store.SaveAsync(new MemoryStream(Files.Png), long.MaxValue, CancellationToken.None);

        var kept = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
        Assert.Single(kept);
    }

    [Fact]
    public async Task Content_over_the_limit_is_not_kept_at_all()
    {
        var store = Store();
        var stored = await store.SaveAsync(new MemoryStream(Files.Png), 100, CancellationToken.None);

        Assert.Null(stored);
        Assert.Empty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("")]
    public void A_name_that_is_not_a_hash_never_reaches_the_disk(string name)
    {
        var store = Store();
        Assert.False(store.Exists(name));
        Assert.Throws<ArgumentException>(() => store.OpenRead(name));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
