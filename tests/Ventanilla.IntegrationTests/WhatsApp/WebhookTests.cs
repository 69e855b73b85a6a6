using System.Net;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.WhatsApp;

public class WebhookTests
{
    [Fact]
    public async Task The_handshake_with_the_right_token_answers_the_raw_challenge()
    {
        await using var kit = await WhatsAppKit.StartAsync(DatabaseKind.Sqlite);
        using var client = kit.App.CreateClient();

        var response = await client.GetAsync($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={WhatsAppKit.VerifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_handshake_with_a_wrong_token_gets_403()
    {
        await using var kit = await WhatsAppKit.StartAsync(DatabaseKind.Sqlite);
        using var client = kit.App.CreateClient();

        var response = await client.GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=otro&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_post_with_a_missing_or_bad_signature_gets_401_and_nothing_is_stored(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var body = Payloads.Messages(Payloads.Text(kit.NextId(), "Hola"));

        var missing = await kit.PostAsync(body, sign: false);
        var forged = await kit.PostAsync(body, signature: "sha256=" + new string('0', 64));
        var otherKey = await kit.PostAsync(body, signature: Channels.WhatsApp.WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), "otra-clave"));
        var garbage = await kit.PostAsync(body, signature: "sha1=abc");

        Assert.All(new[] { missing, forged, otherKey, garbage }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(0, await kit.DbAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task Secrets_stored_under_keys_this_node_lacks_leave_the_service_up_refusing_posts_with_401()
    {
        await using var kit = await WhatsAppKit.StartAsync(DatabaseKind.Sqlite);
        // As in a database restored without its data-protection keys: protected, but under another key ring.
        var foreign = new EphemeralDataProtectionProvider().CreateProtector("Ventanilla.WhatsApp.Secrets");
        await kit.DbAsync(db => db.WhatsAppSettings.ExecuteUpdateAsync(set => set
            .SetProperty(s => s.ProtectedAppSecret, foreign.Protect(WhatsAppKit.AppSecret))
            .SetProperty(s => s.ProtectedAccessToken, foreign.Protect("token"))));

        await using var restarted = await kit.App.RestartAsync();
        var bytes = Encoding.UTF8.GetBytes(Payloads.Messages(Payloads.Text(kit.NextId(), "Hola")));
        using var content = new ByteArrayContent(bytes);
        content.Headers.Add("X-Hub-Signature-256", Channels.WhatsApp.WebhookSignature.Sign(bytes, WhatsAppKit.AppSecret));
        using var client = restarted.CreateClient();
        var response = await client.PostAsync("/webhooks/whatsapp", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await restarted.WithDbAsync(db => db.Inbox.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_signed_post_is_stored_raw_as_sent_and_answered_200(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        // Spacing and key order as Meta sends them: the signature is over these exact bytes.
        var body = Payloads.Messages(Payloads.Text(kit.NextId(), "Hola, ¿me ayudan?")).Replace(",", ", ", StringComparison.Ordinal);

        var response = await kit.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await kit.DbAsync(db => db.Inbox.SingleAsync());
        Assert.Equal((ContactChannel.Whatsapp, InboundState.Pending), (stored.Channel, stored.State));
        // Each message is stored as a post of its own (so each is claimed and retried alone), keyed by its id.
        var message = Channels.WhatsApp.WebhookPayload.Parse(stored.Raw).Messages.Single();
        Assert.Equal(message.Id, stored.ExternalId);
        Assert.Contains("¿me ayudan?", message.Str("body"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_redelivered_message_changes_nothing_the_second_time(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var hello = Payloads.Text(kit.NextId(), "Hola");
        var body = Payloads.Messages(hello);

        await kit.PostAsync(body);
        await kit.PostAsync(body);
        await kit.PassAsync();

        Assert.Single(kit.Graph.Sent);
        // Stored once: the message's id is the row's key.
        var rows = await kit.DbAsync(db => db.Inbox.Select(m => m.State).ToListAsync());
        Assert.Equal([InboundState.Processed], rows);
    }

    [Theory, BothDatabases]
    public async Task A_post_left_claimed_by_a_stopped_worker_is_processed_once_later(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await kit.PostAsync(Payloads.Messages(Payloads.Text(kit.NextId(), "Hola")));
        var abandoned = kit.App.Now - kit.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MessagingOptions>>().Value.ClaimLease - TimeSpan.FromMinutes(1);
        await kit.DbAsync(db => db.Inbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, InboundState.Processing).SetProperty(m => m.ClaimedAt, abandoned)));

        await kit.PassAsync();
        await kit.PassAsync();

        Assert.Equal(InboundState.Processed, await kit.DbAsync(db => db.Inbox.Select(m => m.State).SingleAsync()));
        Assert.Single(kit.Graph.Sent);
    }

    [Fact]
    public async Task A_post_that_is_not_json_is_kept_and_flagged()
    {
        await using var kit = await WhatsAppKit.StartAsync(DatabaseKind.Sqlite);

        await kit.PostAsync("esto no es json");
        await kit.PassAsync();

        var row = await kit.DbAsync(db => db.Inbox.SingleAsync());
        Assert.Equal(InboundState.Flagged, row.State);
        Assert.Equal(0, await kit.DbAsync(db => db.Tickets.CountAsync()));
    }
}
