using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Ventanilla.Channels.Email;
using Ventanilla.Channels.Phone;
using Ventanilla.Data;
using Ventanilla.Intake;
using Ventanilla.IntegrationTests.Network;
using Ventanilla.IntegrationTests.Portal;
using Ventanilla.IntegrationTests.WhatsApp;
using Ventanilla.Network.Compensation;
using Ventanilla.Network.Outages;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Outages;

/// <summary>
/// The whole outage story through the real channels: a tree and services imported, reports on
/// WhatsApp, email and the portal clustering into a proposal, a supervisor confirming it, a phone
/// report linked with its own folio, notices to the node's active services, restoration asking each
/// subscriber and splitting off the one still without service, and the compensation owed exported and
/// brought back applied.
/// </summary>
[Collection(DovecotMailboxes.Name)]
public sealed class OutageEndToEndTests
{
    private const string Mailbox = "contacto@netmas.mx";

    // A Tuesday at 10:00 in Mexico City; with cut-off day 5 the billing period is 6 Nov – 5 Dec, 30 days.
    private static readonly DateTimeOffset Start = new(2026, 11, 10, 16, 0, 0, TimeSpan.Zero);

    private const string Nodes = """
        codigo,nombre,tipo,padre,codigos_postales,colonias
        SEC-N1,Sector Norte 1,sector,TORRE-N,98000,Centro
        TORRE-N,Torre Norte,sitio,,,
        SEC-N2,Sector Norte 2,sector,TORRE-N,98050,Sierra de Álica
        TORRE-S,Torre Sur,sitio,,98600,
        """;

    private const string Services = """
        servicio,contrato,nodo,estado,plan,precio_mensual,dia_corte,calle,colonia,codigo_postal
        S-1,NM-E2E-1,SEC-N1,activo,Hogar 50,500.00,5,Av. Hidalgo 1,Centro,98000
        S-2,NM-E2E-2,SEC-N1,activo,Hogar 50,500.00,5,Av. Hidalgo 2,Centro,98000
        S-3,NM-E2E-3,SEC-N1,activo,Hogar 50,500.00,5,Av. Hidalgo 3,Centro,98000
        S-4,NM-E2E-4,SEC-N1,activo,Hogar 50,500.00,5,Av. Hidalgo 4,Centro,98000
        S-5,NM-E2E-5,SEC-N1,activo,Hogar 50,500.00,5,Av. Hidalgo 5,Centro,98000
        S-6,NM-E2E-6,SEC-N1,activo,Hogar 50,500.00,5,Av. Hidalgo 6,Centro,98000
        S-7,NM-E2E-7,SEC-N1,activo,Hogar 50,500.00,5,Av. Hidalgo 7,Centro,98000
        S-8,NM-E2E-8,SEC-N1,suspendido,Hogar 50,500.00,5,Av. Hidalgo 8,Centro,98000
        S-9,NM-E2E-9,TORRE-S,activo,Hogar 50,500.00,5,Av. Constitución 9,Centro,98600
        """;

    [Theory, BothDatabases]
    public async Task Reports_on_every_channel_become_one_outage_whose_subscribers_are_told_asked_and_compensated(DatabaseKind database)
    {
        var mail = await TestMailServer.MailboxAsync(Mailbox);
        await using var graph = await GraphApiServer.StartAsync();
        await using var app = await VentanillaApp.StartAsync(database, Settings(mail, graph), Start);

        // The subscribers come from billing first; the services file then finds them by contract number.
        await AddSubscribersAsync(app);
        var tree = await app.ImportAsync("nodes_csv", "nodos.csv", Nodes);
        var services = await app.ImportAsync("services_csv", "servicios.csv", Services);
        Assert.Equal((4, 0, 0, 0), tree.Counts());
        Assert.Equal((9, 0, 0, 0), services.Counts());
        Assert.Equal((0, 0, 9, 0), (await app.ImportAsync("services_csv", "servicios.csv", Services)).Counts());

        // Five fault reports under SEC-N1 within fifteen minutes, on WhatsApp, email and the portal.
        var bot = new Conversation(app);
        var whatsApp1 = await bot.ReportFaultAsync("5214921110001");
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var whatsApp2 = await bot.ReportFaultAsync("5214921110002");
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var email3 = await MailFaultAsync(app, mail, "e2e3@example.mx");
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var email4 = await MailFaultAsync(app, mail, "e2e4@example.mx");
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var portal5 = await PortalFaultAsync(app);
        var reported = new[] { whatsApp1, whatsApp2, email3, email4, portal5 };
        Assert.Equal(5, reported.Distinct().Count());

        var proposals = await app.Services.GetRequiredService<OutageClustering>().ProposeAsync(CancellationToken.None);
        var proposal = Assert.Single(proposals);
        Assert.Equal(OutageStatus.Proposed, proposal.Status);
        Assert.Empty(await app.Services.GetRequiredService<OutageClustering>().ProposeAsync(CancellationToken.None));

        // A supervisor confirms it with one click, and links the five open reports it proposes.
        using var supervisor = await ConsoleClient.SignInAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync("/fallas", $"propuesta-{proposal.Id}", new() { ["Input.Act"] = "confirmar" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync($"/fallas/{proposal.Id}", "vincular-todos", [])).StatusCode);
        var outage = await OutageAsync(app, proposal.Id);
        Assert.Equal(OutageStatus.Investigating, outage.Status);
        Assert.Equal(reported.Order(StringComparer.Ordinal), await LinkedAsync(app, outage.Id));

        // A new phone report from the node: its own folio, linked, and its receipt tells of the outage.
        var phone6 = await PhoneFaultAsync(app, "NM-E2E-6", "492 111 0006");
        Assert.DoesNotContain(phone6, reported);
        Assert.Contains(phone6, await LinkedAsync(app, outage.Id));
        var phoneTicket = await app.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Folio == phone6));
        Assert.Contains(await app.WithDbAsync(db => db.Outbox.Where(m => m.TicketId == phoneTicket.Id).Select(m => m.Body).ToListAsync()),
            body => body.Contains($"falla en tu zona ({outage.Code})", StringComparison.Ordinal));

        // Every active service under the node is told once, on its subscriber's own channel; nobody else is.
        await NoticePassAsync(app);
        await NoticePassAsync(app);
        var notices = await app.WithDbAsync(db => db.OutageNotices.Where(n => n.OutageId == outage.Id && n.Event == OutageNoticeEvent.Declared)
            .Join(db.Services, n => n.ServiceId, s => s.Id, (n, s) => new { s.Code, n.Channel, n.OutboxMessageId }).ToListAsync());
        Assert.Equal(["S-1", "S-2", "S-3", "S-4", "S-5", "S-6", "S-7"], notices.Select(n => n.Code).Order(StringComparer.Ordinal));
        Assert.All(notices, n => Assert.NotNull(n.OutboxMessageId));
        Assert.Equal(ContactChannel.Whatsapp, notices.Single(n => n.Code == "S-1").Channel);
        Assert.Equal(ContactChannel.Email, notices.Single(n => n.Code == "S-7").Channel);

        // The cause is the provider's; service is back three days after the first report.
        var api = app.Api();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/outages/{outage.Id}/cause",
            new { cause = "Corte de fibra troncal por obra del proveedor", attributable = "yes", evidence = "Bitácora de la cuadrilla" })).Status);
        var restoredAt = outage.StartedAt.AddDays(3);
        app.Clock.SetUtcNow(new DateTimeOffset(restoredAt.AddHours(1), TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/outages/{outage.Id}/restore", new { restoredAt })).Status);

        // Restoration resolves the children and asks each subscriber; the one who says it still fails is split off.
        await RestorationPassAsync(app);
        var children = await app.WithDbAsync(db => db.Tickets.AsNoTracking().Where(t => t.OutageId == outage.Id).ToListAsync());
        Assert.Equal(6, children.Count);
        Assert.All(children, t => Assert.Equal(TicketStatus.Notified, t.Status));
        Assert.All(children, t => Assert.Equal("Corte de fibra troncal por obra del proveedor", t.Resolution!.Cause));
        var stillFails = await api.PostAsync($"/api/v1/tickets/{whatsApp2}/subscriber-answer", new { @fixed = false, said = "Sigo sin internet" });
        Assert.Equal(HttpStatusCode.OK, stillFails.Status);
        await RestorationPassAsync(app);
        var splitOff = await app.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Folio == whatsApp2));
        Assert.Null(splitOff.OutageId);
        Assert.NotEqual(TicketStatus.Closed, splitOff.Status);
        Assert.DoesNotContain(whatsApp2, await LinkedAsync(app, outage.Id));

        // Compensation: 500 × 3/30 = 50, plus 20 % = 60.00 for each active service, approved by itself at that size.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CompensationLedger>().ComputeAsync();
        }

        var lines = await app.WithDbAsync(db => db.CompensationLines.AsNoTracking().Where(l => l.OutageId == outage.Id)
            .Join(db.Services, l => l.ServiceId, s => s.Id, (l, s) => new { l.Id, s.Code, l.AmountMxn, l.State }).ToListAsync());
        Assert.Equal(["S-1", "S-2", "S-3", "S-4", "S-5", "S-6", "S-7"], lines.Select(l => l.Code).Order(StringComparer.Ordinal));
        Assert.All(lines, l => Assert.Equal(60.00m, l.AmountMxn));
        Assert.All(lines, l => Assert.Equal(CompensationState.Approved, l.State));

        var csv = await api.GetStringAsync($"/api/v1/compensation/export.csv?state=approved&outage={outage.Code}");
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(8, rows.Length);
        Assert.All(rows.Skip(1), r => Assert.Contains(",60.00,", r, StringComparison.Ordinal));
        var answer = "linea,referencia\n" + string.Concat(lines.Select(l => $"{l.Id},NC-{l.Id}\n"));
        var applied = await api.PostAsync("/api/v1/compensation/applied-import", new StringContent(answer, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.All(await app.WithDbAsync(db => db.CompensationLines.AsNoTracking().Where(l => l.OutageId == outage.Id).ToListAsync()),
            l => Assert.Equal(CompensationState.Applied, l.State));
    }

    private static Dictionary<string, string?> Settings(TestMailServer mail, GraphApiServer graph)
    {
        var settings = new Dictionary<string, string?>(mail.Settings())
        {
            ["WhatsApp:PhoneNumberId"] = GraphApiServer.PhoneNumberId,
            ["WhatsApp:AccessToken"] = GraphApiServer.Token,
            ["WhatsApp:AppSecret"] = WhatsAppKit.AppSecret,
            ["WhatsApp:VerifyToken"] = WhatsAppKit.VerifyToken,
            ["WhatsApp:GraphApiBaseUrl"] = graph.BaseUrl,
            ["WhatsApp:ApiVersion"] = GraphApiServer.Version,
            ["WhatsApp:RunInBackground"] = "false",
            ["Portal:ProofFloorMilliseconds"] = "0",
            ["FollowUp:JobInterval"] = "01:00:00",
            ["Compensation:LedgerEvery"] = "01:00:00",
            ["Compensation:WebhookEvery"] = "01:00:00",
        };
        foreach (var (key, value) in OutageWorld.Settings())
        {
            settings[key] = value;
        }

        settings["Outages:RunClusteringInBackground"] = "false";
        return settings;
    }

    private static async Task AddSubscribersAsync(VentanillaApp app)
    {
        var people = new object[]
        {
            new { accountNumber = "NM-E2E-1", name = "Ana Ruiz", phones = new[] { "492 111 0001" }, whatsApp = new[] { new { waId = "5214921110001" } } },
            new { accountNumber = "NM-E2E-2", name = "Beto Salas", phones = new[] { "492 111 0002" }, whatsApp = new[] { new { waId = "5214921110002" } } },
            new { accountNumber = "NM-E2E-3", name = "Carla Díaz", emails = new[] { "e2e3@example.mx" } },
            new { accountNumber = "NM-E2E-4", name = "Diego Luna", emails = new[] { "e2e4@example.mx" } },
            new { accountNumber = "NM-E2E-5", name = "Elena Mora", phones = new[] { "492 111 0005" }, emails = new[] { "e2e5@example.mx" } },
            new { accountNumber = "NM-E2E-6", name = "Fabián Ortiz", phones = new[] { "492 111 0006" }, emails = new[] { "e2e6@example.mx" } },
            new { accountNumber = "NM-E2E-7", name = "Gloria Reyes", emails = new[] { "e2e7@example.mx" } },
            new { accountNumber = "NM-E2E-8", name = "Hugo Campos", emails = new[] { "e2e8@example.mx" } },
            new { accountNumber = "NM-E2E-9", name = "Irma Ávila", emails = new[] { "e2e9@example.mx" } },
        };
        using var api = app.Api();
        foreach (var person in people)
        {
            var response = await api.PostAsJsonAsync("/api/v1/subscribers", person);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    private static async Task<string> MailFaultAsync(VentanillaApp app, TestMailServer mail, string from)
    {
        var message = new MimeMessage([new MailboxAddress("Suscriptor", from)], [new MailboxAddress("Netmas", Mailbox)],
            "Sin servicio de internet", new TextPart("plain") { Text = "No tengo internet desde hace un rato, el módem tiene la luz roja." });
        message.MessageId = $"{Guid.NewGuid():N}@example.mx";
        await mail.AppendAsync(message);
        await app.Services.GetServices<IHostedService>().OfType<MailboxPoller>().Single().PollOnceAsync(CancellationToken.None);
        await app.Services.GetRequiredService<InboxProcessor>().ProcessPendingAsync(CancellationToken.None);
        return await app.WithDbAsync(db => db.Tickets.Where(t => t.Contact.Email == from || t.Subscriber!.Emails.Any(e => e.Address == from))
            .Select(t => t.Folio).SingleAsync());
    }

    private static async Task<string> PortalFaultAsync(VentanillaApp app)
    {
        using var browser = PortalSteps.Browser(app);
        var fields = PortalSteps.Report(phone: "492 111 0005", email: "e2e5@example.mx");
        fields["Form.Name"] = "Elena Mora";
        fields["Form.AccountNumber"] = "NM-E2E-5";
        fields["Form.Address"] = "Av. Hidalgo 5, Centro";
        return await PortalSteps.FileAsync(browser, fields);
    }

    private static async Task<string> PhoneFaultAsync(VentanillaApp app, string account, string phone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var subscriber = await db.Subscribers.Where(s => s.AccountNumber == account).Select(s => s.Id).SingleAsync();
        var (result, errors) = await PhoneReports.RegisterAsync(db, scope.ServiceProvider.GetRequiredService<TicketIntake>(),
            new PhoneReportForm { Kind = "fault", Description = "Llama porque no tiene internet desde la mañana", Phone = phone, Name = "Fabián Ortiz" },
            subscriber, new Actor("agent-1", "Ana Agente"), app.Now, CancellationToken.None);
        Assert.False(errors.Any);
        return result!.Ticket.Folio;
    }

    private static Task<Outage> OutageAsync(VentanillaApp app, long id) =>
        app.WithDbAsync(db => db.Outages.AsNoTracking().Include(o => o.Nodes).SingleAsync(o => o.Id == id));

    private static Task<List<string>> LinkedAsync(VentanillaApp app, long outageId) =>
        app.WithDbAsync(db => db.Tickets.Where(t => t.OutageId == outageId).Select(t => t.Folio).OrderBy(f => f).ToListAsync());

    private static async Task NoticePassAsync(VentanillaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutageNoticeRounds>().QueueDueAsync();
    }

    private static async Task RestorationPassAsync(VentanillaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutageRestoration>().RunAsync();
    }

    /// <summary>A subscriber reporting a fault to the WhatsApp bot: greeting, the menu's fault choice, the description.</summary>
    private sealed class Conversation(VentanillaApp app)
    {
        private int next;

        public async Task<string> ReportFaultAsync(string waId)
        {
            await DeliverAsync(Payloads.Text(Id(), "Hola", waId));
            await DeliverAsync(Payloads.ListReply(Id(), "menu:falla", "Reportar una falla", waId));
            await DeliverAsync(Payloads.Text(Id(), "Sin internet desde hace rato, el módem parpadea en rojo", waId));
            return await app.WithDbAsync(db => db.Tickets.Where(t => t.Channel == ContactChannel.Whatsapp && t.Subscriber!.WhatsAppIdentities.Any(w => w.WaId == waId))
                .Select(t => t.Folio).SingleAsync());
        }

        private string Id() => $"wamid.E2E{Interlocked.Increment(ref next):D6}";

        private async Task DeliverAsync(System.Text.Json.Nodes.JsonObject message)
        {
            var bytes = Encoding.UTF8.GetBytes(Payloads.Messages(message));
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            content.Headers.Add("X-Hub-Signature-256", Ventanilla.Channels.WhatsApp.WebhookSignature.Sign(bytes, WhatsAppKit.AppSecret));
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/webhooks/whatsapp", content)).StatusCode);
            await app.Services.GetRequiredService<Ventanilla.Channels.WhatsApp.WhatsAppInboxProcessor>().ProcessPendingAsync(CancellationToken.None);
            await app.Services.GetRequiredService<Ventanilla.Channels.WhatsApp.WhatsAppSender>().SendDueAsync(CancellationToken.None);
        }
    }
}
