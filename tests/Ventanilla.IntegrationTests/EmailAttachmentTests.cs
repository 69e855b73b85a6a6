using Microsoft.EntityFrameworkCore;
using MimeKit;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

/// <summary>Files that come by email, through the real Dovecot, into the shared attachment store.</summary>
[Collection(DovecotMailboxes.Name)]
public class EmailAttachmentTests
{
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
    private static readonly byte[] Program = [0x4D, 0x5A, 0x90, 0, 0x03, 0, 0, 0, 0x04, 0, 0, 0];

    [Theory, BothDatabases]
    public async Task Files_by_email_are_kept_once_by_hash_and_a_refused_one_is_noted_on_the_ticket(DatabaseKind database)
    {
        var mail = await TestMailServer.MailboxAsync("contacto@netmas.mx");
        await using var app = await VentanillaApp.StartAsync(database, mail.Settings());
        var first = WithFiles("Módem con luz roja", "Les mando foto del módem y el instalador que me mandaron.",
            ("modem.jpg", "image/jpeg", Photo), ("instalador.exe", "application/octet-stream", Program));
        var html = new BodyBuilder { HtmlBody = "<p>Así se ve:</p><img src=\"cid:luz@example.com\">" };
        var inline = html.LinkedResources.Add("luz.png", Png, new ContentType("image", "png"));
        inline.ContentId = "luz@example.com";
        html.Attachments.Add("modem otra vez.jpg", Photo, new ContentType("image", "jpeg"));
        await mail.AppendAsync(first);
        await EmailMessages.PassAsync(app);
        var folio = await app.WithDbAsync(db => db.Tickets.Select(t => t.Folio).SingleAsync());

        var reply = EmailMessages.From("ana.lopez@example.com", $"RE: Módem [Folio {folio}]", "");
        reply.Body = html.ToMessageBody();
        await mail.AppendAsync(reply);
        await EmailMessages.PassAsync(app);

        var files = await app.WithDbAsync(db => db.Attachments.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["modem.jpg", "instalador.exe", "luz.png", "modem otra vez.jpg"], files.Select(f => f.FileName));
        Assert.Equal(files[0].Sha256, files[3].Sha256);
        Assert.Null(files[1].Sha256);
        Assert.False(string.IsNullOrEmpty(files[1].RejectionReason));
        Assert.True(files[2].Inline);
        Assert.Equal("luz@example.com", files[2].ContentId);
        // The same photo twice, and the inline image: two contents on disk.
        var stored = Directory.GetFiles(app.StoragePath, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(app.StoragePath, f).StartsWith("tmp", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stored.Count);
        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync());
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.AttachmentRejected && e.To == "instalador.exe");
        Assert.Equal(3, ticket.Timeline.Count(e => e.Type == TimelineEntryType.AttachmentAdded));
    }

    private static MimeMessage WithFiles(string subject, string text, params (string Name, string Type, byte[] Content)[] files)
    {
        var builder = new BodyBuilder { TextBody = text };
        foreach (var (name, type, content) in files)
        {
            builder.Attachments.Add(name, content, ContentType.Parse(type));
        }

        var message = EmailMessages.From("ana.lopez@example.com", subject, text);
        message.Body = builder.ToMessageBody();
        return message;
    }
}
