using Ventanilla.Tickets;

namespace Ventanilla.Attachments;

/// <summary>A file as a channel received it, before it is judged.</summary>
public sealed record IncomingFile(string FileName, string DeclaredType, Stream Content, bool Inline = false, string? ContentId = null);

/// <summary>
/// The one way a channel adds a file to a ticket: judged by <see cref="AttachmentPolicy"/>, kept in the
/// <see cref="AttachmentStore"/> when accepted, and recorded on the ticket either way. The caller adds
/// the returned row to its context and saves it with the rest of its change.
/// </summary>
public sealed class AttachmentIntake(AttachmentStore store, AttachmentPolicy policy)
{
    public async Task<TicketAttachment> AcceptAsync(Ticket ticket, IncomingFile file, ContactChannel channel, Actor actor,
        DateTime now, CancellationToken cancellationToken)
    {
        var (name, type, head, refused) = await JudgeAsync(file, null, cancellationToken);
        if (refused is not null)
        {
            var size = file.Content.CanSeek ? file.Content.Length : head.Length;
            return ticket.RecordRejectedAttachment(name, type, size, refused, channel, actor, now);
        }

        await using var whole = new PrefixedStream(head, file.Content);
        var stored = await store.SaveAsync(whole, policy.MaxBytes, cancellationToken);
        return stored is null
            ? ticket.RecordRejectedAttachment(name, type, policy.MaxBytes + 1, policy.CheckSize(name, policy.MaxBytes + 1)!, channel, actor, now)
            : ticket.Attach(name, type, stored, channel, actor, now, file.Inline, file.ContentId);
    }

    /// <summary>
    /// Reads the start of the content and judges the file by its name, type and first bytes, and by its
    /// size when <paramref name="size"/> is known beforehand (otherwise the store enforces it while saving).
    /// The content is left just past <see cref="Judgement.Head"/>.
    /// </summary>
    public async Task<Judgement> JudgeAsync(IncomingFile file, long? size, CancellationToken cancellationToken)
    {
        var name = SafeName(file.FileName);
        var head = new byte[ContentSniffer.HeadLength];
        var headLength = await file.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var type = AttachmentPolicy.Normalize(name, file.DeclaredType);
        var refused = headLength == 0
            ? policy.CheckSize(name, 0)
            : (size is { } known ? policy.CheckSize(name, known) : null) ?? policy.CheckType(name, type, head.AsSpan(0, headLength));
        return new Judgement(name, type, head.AsMemory(0, headLength), refused);
    }

    /// <summary>A file's safe name, the type to keep, the bytes read to judge it, and why it is refused (Spanish) or null.</summary>
    public sealed record Judgement(string Name, string Type, ReadOnlyMemory<byte> Head, string? Refusal);

    /// <summary>The last part of whatever path the sender's system put in the name, without control characters.</summary>
    public static string SafeName(string? fileName)
    {
        var last = (fileName ?? "").Split('/', '\\').LastOrDefault() ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean is "" or "." or ".." ? "adjunto" : clean;
    }

    /// <summary>Reads the bytes already taken from the stream, then the rest of it.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> pending = prefix;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (pending.IsEmpty)
            {
                return await rest.ReadAsync(buffer, cancellationToken);
            }

            var count = Math.Min(buffer.Length, pending.Length);
            pending[..count].CopyTo(buffer);
            pending = pending[count..];
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
