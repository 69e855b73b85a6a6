using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Attachments;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.WhatsApp;

/// <summary>Every kind of message a subscriber can send, on an open ticket.</summary>
public class InboundTypesTests
{
    // A real JPEG's first bytes, so the attachment policy's content check accepts it as an image.
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    [Theory, BothDatabases]
    public async Task An_image_is_fetched_by_its_media_id_with_the_token_checked_by_hash_and_kept_on_the_ticket(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await ConversationTests.ReportFaultAsync(kit);
        var sha = kit.Graph.AddMedia("media-1", Jpeg);

        await kit.DeliverAsync(Payloads.Media(kit.NextId(), "image", "media-1", sha, "image/jpeg", caption: "Así está el módem"));

        var file = await kit.DbAsync(db => db.Attachments.SingleAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Jpeg)), file.Sha256);
        Assert.Equal((ContactChannel.Whatsapp, (string?)null), (file.Channel, file.RejectionReason));
        Assert.True(kit.App.Services.GetRequiredService<AttachmentStore>().Exists(file.Sha256!));
        Assert.Equal([true], kit.Graph.Downloads);
        var ticket = await kit.TicketAsync();
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.MessageIn && e.Body == "[Imagen] Así está el módem");
    }

    [Theory, BothDatabases]
    public async Task Documents_audio_video_and_stickers_are_each_kept_with_their_type(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await ConversationTests.ReportFaultAsync(kit);
        string[] types = ["document", "audio", "video", "sticker"];
        foreach (var type in types)
        {
            var sha = kit.Graph.AddMedia($"media-{type}", Jpeg);
            await kit.DeliverAsync(Payloads.Media(kit.NextId(), type, $"media-{type}", sha, "image/jpeg", fileName: $"{type}.jpg"));
        }

        var ticket = await kit.TicketAsync();
        Assert.Equal(["[Documento]", "[Audio]", "[Video]", "[Sticker]"],
            ticket.Timeline.Where(e => e.Type == TimelineEntryType.MessageIn).OrderBy(e => e.Id).Select(e => e.Body!).ToArray());
        Assert.Equal(4, await kit.DbAsync(db => db.Attachments.CountAsync()));
        Assert.Equal(4, kit.Graph.Downloads.Count);
    }

    [Theory, BothDatabases]
    public async Task A_medium_that_does_not_match_its_announced_hash_is_recorded_as_rejected(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await ConversationTests.ReportFaultAsync(kit);
        kit.Graph.AddMedia("media-1", Jpeg);

        await kit.DeliverAsync(Payloads.Media(kit.NextId(), "image", "media-1", Convert.ToBase64String(new byte[32]), "image/jpeg"));

        var file = await kit.DbAsync(db => db.Attachments.SingleAsync());
        Assert.Null(file.Sha256);
        Assert.Contains("SHA-256", file.RejectionReason, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_location_is_saved_on_the_ticket_as_the_place_for_the_visit(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await ConversationTests.ReportFaultAsync(kit);

        await kit.DeliverAsync(Payloads.Location(kit.NextId(), 22.7709, -102.5832, "Casa", "Av. Hidalgo 120, Centro, Zacatecas"));

        var ticket = await kit.TicketAsync();
        Assert.Equal((22.7709, -102.5832), (ticket.VisitLatitude, ticket.VisitLongitude));
        Assert.Contains("Av. Hidalgo 120", ticket.VisitPlace, StringComparison.Ordinal);
        Assert.Contains(ticket.Timeline, e => e.Field == "visitLocation");
    }

    [Theory, BothDatabases]
    public async Task Button_and_list_replies_reactions_and_unknown_types_are_all_kept_on_the_ticket(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await ConversationTests.ReportFaultAsync(kit);

        await kit.DeliverAsync(Payloads.ButtonReply(kit.NextId(), "otro", "Mañana en la tarde"));
        await kit.DeliverAsync(Payloads.ListReply(kit.NextId(), "otro2", "Consulta o queja"));
        await kit.DeliverAsync(Payloads.Reaction(kit.NextId(), "wamid.TEST000003", "👍"));
        await kit.DeliverAsync(Payloads.Unknown(kit.NextId(), "hologram"));

        var bodies = (await kit.TicketAsync()).Timeline.Where(e => e.Type == TimelineEntryType.MessageIn).Select(e => e.Body!).ToList();
        Assert.Contains("Mañana en la tarde", bodies);
        Assert.Contains("Consulta o queja", bodies);
        Assert.Contains("[Reaccionó con 👍 a un mensaje]", bodies);
        Assert.Contains(bodies, b => b.Contains("«hologram»", StringComparison.Ordinal) && b.Contains("nuevo", StringComparison.Ordinal));
        Assert.All(await kit.DbAsync(db => db.Inbox.Select(m => m.State).ToListAsync()), s => Assert.Equal(InboundState.Processed, s));
    }

    [Theory, BothDatabases]
    public async Task A_medium_meta_cannot_serve_for_now_is_retried_on_a_later_pass_and_kept_once(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await ConversationTests.ReportFaultAsync(kit);
        var sha = kit.Graph.AddMedia("media-1", Jpeg);
        kit.Graph.FailNextMedia();

        await kit.DeliverAsync(Payloads.Media(kit.NextId(), "image", "media-1", sha, "image/jpeg"));
        var waiting = await kit.DbAsync(db => db.Inbox.OrderBy(m => m.Id).Select(m => m.State).LastAsync());
        await kit.PassAsync();

        Assert.Equal(InboundState.Pending, waiting);
        Assert.Equal(1, await kit.DbAsync(db => db.Attachments.CountAsync()));
        Assert.Equal(InboundState.Processed, await kit.DbAsync(db => db.Inbox.OrderBy(m => m.Id).Select(m => m.State).LastAsync()));
    }
}
