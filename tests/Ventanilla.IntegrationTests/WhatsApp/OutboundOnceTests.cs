using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Messaging.Outbox;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.WhatsApp;

/// <summary>A WhatsApp message Meta already gave an id to is never sent again; one without an id is, after the claim lease.</summary>
public class OutboundOnceTests
{
    // The default Messaging:ClaimLease.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private static async Task<long> PhoneReportAsync(WhatsAppKit kit)
    {
        var response = await kit.App.Api().PostAsJsonAsync("/api/v1/tickets", new
        {
            kind = "fault",
            channel = "phone",
            subject = "Sin internet",
            description = "No tengo internet desde ayer.",
            subscriber = new { name = "Juan Pérez", phone = "492 123 4567" },
        });
        response.EnsureSuccessStatusCode();
        return await kit.DbAsync(db => db.Outbox.Where(m => m.Channel == ContactChannel.Whatsapp).Select(m => m.Id).SingleAsync());
    }

    private static Task<OutboxMessage> RowAsync(WhatsAppKit kit, long id) =>
        kit.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));

    [Theory, BothDatabases]
    public async Task RowWithMetasId_LeftSendingByADeadNode_IsMarkedSent_NotSentAgain(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var id = await PhoneReportAsync(kit);
        // Meta answered with its id, and the node died before the Sent mark.
        await kit.DbAsync(db => db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Sending)
            .SetProperty(m => m.SendingAt, kit.App.Now)
            .SetProperty(m => m.MessageId, "wamid.YA.ENVIADO")));

        kit.App.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await kit.PassAsync();

        Assert.Empty(kit.Graph.Sent);
        var row = await RowAsync(kit, id);
        Assert.Equal((OutboxState.Sent, "wamid.YA.ENVIADO"), (row.State, row.MessageId));
    }

    [Theory, BothDatabases]
    public async Task PendingRowWithMetasId_IsNotSentAgain_AndStaffCannotRetryIt(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var id = await PhoneReportAsync(kit);
        await kit.DbAsync(db => db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.MessageId, "wamid.YA.ENVIADO")));

        await kit.PassAsync();
        var afterPass = await RowAsync(kit, id);
        // A failure report after Meta took it: staff see it failed, and a retry would be a second message.
        await kit.DbAsync(db => db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Failed)));
        var refusal = await kit.DbAsync(db => OutboxActions.RetryAsync(db, id, kit.App.Now, CancellationToken.None));
        await kit.PassAsync();

        Assert.Empty(kit.Graph.Sent);
        Assert.Equal(OutboxState.Sent, afterPass.State);
        Assert.Equal(OutboxMessage.AlreadyWithChannel, refusal);
        Assert.Equal(OutboxState.Failed, (await RowAsync(kit, id)).State);
    }

    [Theory, BothDatabases]
    public async Task RowLeftSendingWithoutAnId_IsSentAgainOnlyAfterTheLease(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var id = await PhoneReportAsync(kit);
        await kit.DbAsync(db => db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Sending)
            .SetProperty(m => m.SendingAt, kit.App.Now)));

        await kit.PassAsync();
        var insideLease = kit.Graph.Sent.Count;
        kit.App.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await kit.PassAsync();

        Assert.Equal(0, insideLease);
        Assert.Single(kit.Graph.Sent);
        var row = await RowAsync(kit, id);
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.NotNull(row.MessageId);
    }
}
