using Microsoft.Extensions.Options;
using Ventanilla.Attachments;
using Ventanilla.Tickets;

namespace Ventanilla.Tests.Attachments;

public sealed class AttachmentIntakeTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "ventanilla-intake-" + Guid.NewGuid().ToString("N"));

    private AttachmentIntake Intake(long maxBytes = 1024 * 1024)
    {
        var store = new AttachmentStore(Options.Create(new StorageOptions { Path = root }));
        var policy = new AttachmentPolicy(new Monitor(new AttachmentOptions { MaxBytes = maxBytes }));
        return new AttachmentIntake(store, policy);
    }

    [Fact]
    public async Task An_accepted_file_is_stored_and_written_on_the_timeline()
    {
        var ticket = Tickets.New(TicketKind.Fault);
        var file = new IncomingFile("módem.jpg", "image/jpeg", new NonSeekable(Files.Jpeg));

        var attachment = await Intake().AcceptAsync(ticket, file, ContactChannel.Whatsapp, Tickets.Agent, Tickets.Now, CancellationToken.None);

        Assert.True(attachment.Kept);
        Assert.Equal(Files.Jpeg.Length, attachment.Size);
        Assert.Equal(ticket.Id, attachment.TicketId);
        var entry = ticket.Timeline[^1];
        Assert.Equal(TimelineEntryType.AttachmentAdded, entry.Type);
        Assert.Equal("módem.jpg", entry.Body);
    }

    [Fact]
    public async Task A_refused_file_keeps_no_content_but_leaves_its_reason_on_the_ticket()
    {
        var ticket = Tickets.New(TicketKind.Fault);
        var file = new IncomingFile("foto.jpg", "image/jpeg", new MemoryStream(Files.Exe));

        var attachment = await Intake().AcceptAsync(ticket, file, ContactChannel.Email, Tickets.Agent, Tickets.Now, CancellationToken.None);

        Assert.False(attachment.Kept);
        Assert.Null(attachment.Sha256);
        Assert.Equal(TimelineEntryType.AttachmentRejected, ticket.Timeline[^1].Type);
        Assert.Equal(attachment.RejectionReason, ticket.Timeline[^1].Body);
        Assert.False(Directory.Exists(root) && Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length > 0);
    }

    [Fact]
    public async Task A_file_longer_than_allowed_is_refused_while_reading_without_keeping_it()
    {
        var ticket = Tickets.New(TicketKind.Fault);
        var file = new IncomingFile("video.mp4", "video/mp4", new NonSeekable(Files.Mp4));

        var attachment = await Intake(maxBytes: 1000).AcceptAsync(ticket, file, ContactChannel.Whatsapp, Tickets.Agent, Tickets.Now, CancellationToken.None);

        Assert.False(attachment.Kept);
        Assert.Contains("pesa más de", attachment.RejectionReason, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("C:\\Users\\Juan\\Desktop\\recibo.pdf", "recibo.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..", "adjunto")]
    [InlineData("line\nbreak.txt", "linebreak.txt")]
    [InlineData(null, "adjunto")]
    public void Only_the_last_part_of_a_sent_name_is_kept(string? sent, string kept)
    {
        Assert.Equal(kept, AttachmentIntake.SafeName(sent));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // Network streams cannot seek: the head read for sniffing must not be lost from what is stored.
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    private sealed class Monitor(AttachmentOptions value) : IOptionsMonitor<AttachmentOptions>
    {
        public AttachmentOptions CurrentValue => value;
        public AttachmentOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<AttachmentOptions, string?> listener) => null;
    }
}
