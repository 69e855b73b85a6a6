using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Channels.WhatsApp;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.WhatsApp;

/// <summary>A WhatsApp message takes effect once: however often it is posted, to however many nodes, and whatever fails in between.</summary>
public class ExactlyOnceTests
{
    private const string Description = "Sin internet desde ayer, el módem parpadea en rojo";

    [Theory, BothDatabases]
    public async Task The_same_message_in_two_posts_and_twice_in_one_post_files_one_ticket_and_one_folio_answer(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await ToDescriptionAsync(kit);
        var message = Payloads.Text(kit.NextId(), Description);

        await kit.PostAsync(Payloads.Messages(message, message.DeepClone().AsObject()));
        await kit.PostAsync(Payloads.Messages(message.DeepClone().AsObject()));
        await kit.PassAsync();

        var ticket = await kit.TicketAsync();
        Assert.Equal(1, await FolioAnswersAsync(kit, ticket));
        Assert.Equal(1, await kit.DbAsync(db => db.Inbox.CountAsync(m => m.ExternalId == (string)message["id"]!)));
    }

    [Theory, BothDatabases]
    public async Task The_same_message_posted_to_two_nodes_files_one_ticket_and_one_folio_answer(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await using var other = kit.App.WithWebHostBuilder(_ => { });
        await ToDescriptionAsync(kit);
        var body = Payloads.Messages(Payloads.Text(kit.NextId(), Description));

        await Task.WhenAll(kit.PostAsync(body), PostAsync(other, body));
        await Task.WhenAll(ProcessAsync(kit.App.Services), ProcessAsync(other.Services));
        await ProcessAsync(kit.App.Services);
        await kit.PassAsync();

        var ticket = await kit.TicketAsync();
        Assert.Equal(1, await FolioAnswersAsync(kit, ticket));
    }

    [Theory, BothDatabases]
    public async Task A_post_with_three_messages_from_three_users_becomes_three_inbound_rows(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);

        await kit.PostAsync(Payloads.Messages(
            Payloads.Text(kit.NextId(), "Hola", from: "5214921110001"),
            Payloads.Text(kit.NextId(), "Hola", from: "5214921110002"),
            Payloads.Text(kit.NextId(), "Hola", from: "5214921110003")));

        var rows = await kit.DbAsync(db => db.Inbox.OrderBy(m => m.Id).Select(m => new { m.ExternalId, m.ConversationKey }).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.Equal(["5214921110001", "5214921110002", "5214921110003"], rows.Select(r => r.ConversationKey));
        Assert.Equal(3, rows.Select(r => r.ExternalId).Distinct().Count());
        await kit.PassAsync();
        Assert.Equal(3, kit.Graph.Sent.Count);
    }

    /// <summary>
    /// The commit that records the filed ticket's answer fails once, as a worker stopping there would
    /// leave it. Before filing and recording were one commit, the ticket stayed filed without its
    /// answer, and the retry put the description on it a second time and never answered the folio.
    /// </summary>
    [Theory, BothDatabases]
    public async Task A_failure_between_filing_and_recording_leaves_one_ticket_one_folio_answer_and_the_description_once(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await ToDescriptionAsync(kit);
        var failing = new FailOnceOnFolioAnswer();
        await using var node = kit.App.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteVentanillaDbContext>(o => o.AddInterceptors(failing));
            services.ConfigureDbContext<PostgresVentanillaDbContext>(o => o.AddInterceptors(failing));
        }));

        await kit.PostAsync(Payloads.Messages(Payloads.Text(kit.NextId(), Description)));
        await ProcessAsync(node.Services);
        Assert.True(failing.Failed);
        await ProcessAsync(node.Services);
        await kit.PassAsync();

        var ticket = await kit.TicketAsync();
        Assert.Equal(1, await FolioAnswersAsync(kit, ticket));
        Assert.Single(ticket.Timeline, e => e.Body?.Contains(Description, StringComparison.Ordinal) == true);
        Assert.Equal(InboundState.Processed, await kit.DbAsync(db => db.Inbox.OrderBy(m => m.Id).Select(m => m.State).LastAsync()));
    }

    /// <summary>Hello, the fault option: the bot waits for the description.</summary>
    private static async Task ToDescriptionAsync(WhatsAppKit kit)
    {
        await ConversationTests.AddJuanAsync(kit);
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola"));
        await kit.DeliverAsync(Payloads.ListReply(kit.NextId(), "menu:falla", "Reportar una falla"));
    }

    private static Task<int> FolioAnswersAsync(WhatsAppKit kit, Ticket ticket) =>
        kit.DbAsync(db => db.Outbox.CountAsync(m => m.Channel == ContactChannel.Whatsapp && m.Kind != OutboxKind.Receipt
            && m.TicketId == ticket.Id && m.Body.Contains(ticket.Folio)));

    private static Task<int> ProcessAsync(IServiceProvider services) =>
        services.GetRequiredService<WhatsAppInboxProcessor>().ProcessPendingAsync(CancellationToken.None);

    private static async Task PostAsync(WebApplicationFactory<Program> node, string body)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.Add("X-Hub-Signature-256", WebhookSignature.Sign(bytes, WhatsAppKit.AppSecret));
        using var client = node.CreateClient();
        var response = await client.PostAsync("/webhooks/whatsapp", content);
        Assert.Equal(200, (int)response.StatusCode);
    }

    /// <summary>Fails the first save that carries the bot's answer on a ticket, as a lost race would (a later pass retries).</summary>
    private sealed class FailOnceOnFolioAnswer : SaveChangesInterceptor
    {
        public bool Failed { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            var answering = eventData.Context!.ChangeTracker.Entries<OutboxMessage>()
                .Any(e => e.State == EntityState.Added && e.Entity.TicketId != null && e.Entity.Kind != OutboxKind.Receipt);
            if (answering && !Failed)
            {
                Failed = true;
                throw new DbUpdateConcurrencyException("Falla simulada entre el folio y su respuesta.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
