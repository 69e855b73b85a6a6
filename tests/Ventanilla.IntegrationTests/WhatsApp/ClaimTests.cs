using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Messaging;

namespace Ventanilla.IntegrationTests.WhatsApp;

/// <summary>Claims are leases (Messaging:ClaimLease), and one user's messages are claimed in the order they came.</summary>
public class ClaimTests
{
    [Theory, BothDatabases]
    public async Task A_claim_inside_the_lease_is_left_alone_and_one_older_than_the_lease_is_taken_over(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var lease = kit.App.Services.GetRequiredService<IOptions<MessagingOptions>>().Value.ClaimLease;
        await kit.PostAsync(Payloads.Messages(Payloads.Text(kit.NextId(), "Hola")));

        await ClaimAllAsync(kit, kit.App.Now - lease + TimeSpan.FromSeconds(1));
        await kit.PassAsync();
        Assert.Empty(kit.Graph.Sent);
        Assert.Equal(InboundState.Processing, await kit.DbAsync(db => db.Inbox.Select(m => m.State).SingleAsync()));

        await ClaimAllAsync(kit, kit.App.Now - lease - TimeSpan.FromSeconds(1));
        await kit.PassAsync();
        Assert.Single(kit.Graph.Sent);
        Assert.Equal(InboundState.Processed, await kit.DbAsync(db => db.Inbox.Select(m => m.State).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_users_later_message_waits_while_their_earlier_one_is_held_and_other_users_go_ahead(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await kit.PostAsync(Payloads.Messages(Payloads.Text(kit.NextId(), "Hola")));
        await kit.PostAsync(Payloads.Messages(Payloads.Text(kit.NextId(), "1")));
        await kit.PostAsync(Payloads.Messages(Payloads.Text(kit.NextId(), "Hola", from: "5214921110009")));
        var first = await kit.DbAsync(db => db.Inbox.MinAsync(m => m.Id));
        await kit.DbAsync(db => db.Inbox.Where(m => m.Id == first)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, InboundState.Processing).SetProperty(m => m.ClaimedAt, kit.App.Now)));

        await kit.PassAsync();

        var states = await kit.DbAsync(db => db.Inbox.OrderBy(m => m.Id).Select(m => m.State).ToListAsync());
        Assert.Equal([InboundState.Processing, InboundState.Pending, InboundState.Processed], states);

        // The held one is released (its worker gave it back): both are taken, in order.
        await kit.DbAsync(db => db.Inbox.Where(m => m.Id == first).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, InboundState.Pending)));
        await kit.PassAsync();
        Assert.All(await kit.DbAsync(db => db.Inbox.Select(m => m.State).ToListAsync()), s => Assert.Equal(InboundState.Processed, s));
        // "Hola" gave the menu and then "1" chose its first option (a fault: which contract?), which it could only do after the menu.
        var toJuan = kit.Graph.Sent.Where(m => (string?)m["to"] == "524921234567").ToList();
        Assert.Equal(2, toJuan.Count);
        Assert.Equal("list", (string?)toJuan[0]["interactive"]?["type"]);
        Assert.Contains("contrato", toJuan[1].ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    private static Task<int> ClaimAllAsync(WhatsAppKit kit, DateTime at) =>
        kit.DbAsync(db => db.Inbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, InboundState.Processing).SetProperty(m => m.ClaimedAt, at)));
}
