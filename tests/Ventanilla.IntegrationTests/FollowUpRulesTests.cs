using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Channels;
using Ventanilla.Data;
using Ventanilla.FollowUp;
using Ventanilla.FollowUp.Calendars;
using Ventanilla.FollowUp.Routing;
using Ventanilla.FollowUp.Rules;
using Ventanilla.FollowUp.Supervision;
using Ventanilla.Staff;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

/// <summary>Calendars, deadlines and routing as data: edited in administration, applied to the next ticket and to open ones.</summary>
public class FollowUpRulesTests
{
    // The jobs wait an hour between runs, so each test runs their batches itself, when it wants.
    private static readonly Dictionary<string, string?> QuietJobs = new() { ["FollowUp:JobInterval"] = "01:00:00" };

    private static Task<VentanillaApp> StartAsync(DatabaseKind database) => VentanillaApp.StartAsync(database, QuietJobs);

    private static Dictionary<string, object?> Report(string kind, string text, DateTime? reportedAt = null, string? address = null)
    {
        var report = Json.Fault(text);
        report["kind"] = kind;
        report["subject"] = text;
        if (reportedAt is { } at)
        {
            report["reportedAt"] = at;
        }

        if (address is not null)
        {
            report["address"] = address;
        }

        return report;
    }

    private static async Task<StaffUser> CreateUserAsync(VentanillaApp app, string email, string role, string? areaCode = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var areaId = areaCode is null ? null : (int?)(await db.Areas.FirstAsync(a => a.Code == areaCode)).Id;
        var user = new StaffUser { UserName = email, Email = email, DisplayName = email, AreaId = areaId };
        Assert.True((await users.CreateAsync(user, "Persona-Password-1")).Succeeded);
        await users.AddToRoleAsync(user, role);
        // Intake reads areas' members from the cached rules, re-read every minute; the test does not wait for it.
        await app.Services.GetRequiredService<FollowUpDirectory>().LoadAsync();
        return user;
    }

    /// <summary>Changes the rules as an administrator's save does, then reloads them.</summary>
    private static async Task EditRulesAsync(VentanillaApp app, Func<VentanillaDbContext, Task> edit)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        await edit(db);
        await app.Services.GetRequiredService<FollowUpDirectory>().SaveAsync(db);
    }

    // Area members are on shift only within their area's hours; tests run at any hour, so the area never closes.
    private static Task AlwaysOpenAsync(VentanillaApp app, string areaCode) => EditRulesAsync(app, async db =>
        (await db.BusinessCalendars.FirstAsync(c => c.Code == WorkCalendar.ForArea(areaCode))).Set(BusinessCalendar.AlwaysOpen(), DateTime.UtcNow));

    private static DateTime Utc(JsonElement ticket, string property) =>
        ticket.GetProperty(property).GetDateTime().ToUniversalTime();

    [Theory, BothDatabases]
    public async Task A_deadline_rule_added_in_admin_sets_the_deadline_of_the_next_ticket(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);
        var client = app.Api();
        var reported = new DateTime(2026, 3, 13, 16, 0, 0, DateTimeKind.Utc);
        var before = (await client.PostAsync("/api/v1/tickets", Report("fault", "Sin señal", reported))).Body;

        var saved = await admin.PostFormAsync("/admin/plazos", "regla-plazo", new()
        {
            ["Form.Kind"] = "fault", ["Form.What"] = "resolution", ["Form.Amount"] = "4", ["Form.Unit"] = "calendar_hours",
            ["Form.Area"] = "tecnica", ["Form.Priority"] = "",
        });
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var after = (await client.PostAsync("/api/v1/tickets", Report("fault", "Sin señal otra vez", reported))).Body;

        Assert.Equal(reported.AddHours(24), Utc(before, "dueAt"));
        // Faults are routed to the technical area, whose own rule now beats the kind's.
        Assert.Equal("tecnica", after.Str("area"));
        Assert.Equal(reported.AddHours(4), Utc(after, "dueAt"));
    }

    [Theory, BothDatabases]
    public async Task A_deadline_rule_with_a_bad_amount_is_refused_in_spanish(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);

        var page = await admin.PostFormForPageAsync("/admin/plazos", "regla-plazo", new()
        {
            ["Form.Kind"] = "fault", ["Form.What"] = "resolution", ["Form.Amount"] = "-3", ["Form.Unit"] = "calendar_hours",
        });

        Assert.Contains("El plazo va de 0 (de inmediato) a 10,000.", page, StringComparison.Ordinal);
        Assert.Equal(DeadlineRules.Defaults.Rules.Count, await app.WithDbAsync(db => db.DeadlineRules.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_calendar_with_impossible_hours_is_refused_in_spanish(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);
        var id = await app.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Code == "canal:phone").Select(c => c.Id).FirstAsync());

        var page = await admin.PostFormForPageAsync($"/admin/calendarios?editar={id}", "calendario", new()
        {
            ["Form.Name"] = "Teléfono", ["Form.TimeZone"] = "America/Gotham", ["Form.Monday"] = "22:00-07:00",
        });

        Assert.Contains("«America/Gotham» no es una zona horaria IANA conocida", page, StringComparison.Ordinal);
        Assert.Contains("«22:00-07:00»: la hora de inicio debe ser anterior a la de fin", page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_calendar_edited_in_admin_counts_the_next_business_hour_deadline(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);
        await EditRulesAsync(app, async db =>
            db.DeadlineRules.Add(new DeadlineRuleRow(new DeadlineRule(TicketKind.Query, DeadlineKind.FirstResponse, 2, DeadlineUnit.BusinessHours), 1)));
        var id = await app.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Code == "canal:phone").Select(c => c.Id).FirstAsync());

        var saved = await admin.PostFormAsync($"/admin/calendarios?editar={id}", "calendario", new()
        {
            ["Form.Name"] = "Teléfono", ["Form.TimeZone"] = "America/Mexico_City",
            ["Form.Monday"] = "09:00-10:00", ["Form.Tuesday"] = "09:00-10:00", ["Form.Wednesday"] = "", ["Form.Thursday"] = "",
            ["Form.Friday"] = "09:00-10:00", ["Form.Saturday"] = "", ["Form.Sunday"] = "", ["Form.ExtraClosedDates"] = "2026-03-17",
        });
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var reported = new DateTime(2026, 3, 13, 16, 0, 0, DateTimeKind.Utc);
        var folio = (await app.Api().PostAsync("/api/v1/tickets", Report("query", "¿Qué planes hay?", reported))).Body.Str("folio");

        var due = await app.WithDbAsync(db => db.Tickets.Where(t => t.Folio == folio).Select(t => t.FirstResponseDueAt).FirstAsync());
        // Friday's hour is over at 10:00. Monday the 16th is a rest day, but this calendar no longer closes on them: one
        // hour. Tuesday is the provider's closed date, Wednesday and Thursday have no hours: Friday the 20th, 10:00.
        Assert.Equal(new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc), due);
    }

    [Theory, BothDatabases]
    public async Task A_routing_rule_added_in_admin_routes_the_next_ticket_by_postal_code_and_says_which_rule(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);

        var saved = await admin.PostFormAsync("/admin/enrutamiento", "regla-ruta", new()
        {
            ["Form.Position"] = "1", ["Form.Name"] = "Fallas de Fresnillo", ["Form.Enabled"] = "true", ["Form.Kind"] = "fault",
            ["Form.PostalCodes"] = "99", ["Form.Area"] = "comercial", ["Form.Priority"] = "urgent",
        });
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var client = app.Api();
        var there = (await client.PostAsync("/api/v1/tickets", Report("fault", "Sin señal", address: "Calle Juárez 4, C.P. 99000, Fresnillo"))).Body.Str("folio");
        var elsewhere = (await client.PostAsync("/api/v1/tickets", Report("fault", "Sin señal", address: "Av. Hidalgo 120, C.P. 98000, Zacatecas"))).Body.Str("folio");

        var routed = await client.GetJsonAsync($"/api/v1/tickets/{there}");
        Assert.Equal(("comercial", "urgent"), (routed.Str("area"), routed.Str("priority")));
        var decisions = routed.GetProperty("timeline").EnumerateArray().Where(e => e.Str("actor") == "Ventanilla").ToArray();
        Assert.All(decisions, e => Assert.Contains("«Fallas de Fresnillo»", e.Str("body"), StringComparison.Ordinal));
        Assert.Equal("tecnica", (await client.GetJsonAsync($"/api/v1/tickets/{elsewhere}")).Str("area"));
    }

    [Theory, BothDatabases]
    public async Task Default_routing_sends_each_kind_to_its_area(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        var client = app.Api();

        async Task<string?> AreaOf(string kind, string text)
        {
            var body = (await client.PostAsync("/api/v1/tickets", Report(kind, text))).Body;
            return body.GetProperty("area").GetString();
        }

        Assert.Equal("tecnica", await AreaOf("fault", "Se cae el internet"));
        Assert.Equal("servicio_al_cliente", await AreaOf("complaint", "Me trataron mal"));
        Assert.Equal("facturacion", await AreaOf("clarification", "Cobro doble"));
        Assert.Equal("cancelaciones", await AreaOf("cancellation", "Ya no quiero el servicio"));
        Assert.Equal("servicio_al_cliente", await AreaOf("query", "Quiero ejercer mis DERECHOS ARCO sobre mis datos personales"));
        Assert.Null(await AreaOf("suggestion", "Abran una sucursal"));
    }

    [Theory, BothDatabases]
    public async Task Changing_the_area_recomputes_the_deadline_and_says_so_on_the_timeline(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await EditRulesAsync(app, async db =>
            db.DeadlineRules.Add(new DeadlineRuleRow(new DeadlineRule(TicketKind.Complaint, DeadlineKind.Resolution, 3, DeadlineUnit.CalendarDays, AreaCode: "facturacion"), 1)));
        var client = app.Api();
        var reported = new DateTime(2026, 3, 13, 16, 0, 0, DateTimeKind.Utc);
        var folio = (await client.PostAsync("/api/v1/tickets", Report("complaint", "Cobro indebido", reported))).Body.Str("folio");

        var moved = await client.PostAsync($"/api/v1/tickets/{folio}/assignment", new { area = "facturacion" });

        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal(reported.AddDays(3), Utc(moved.Body, "dueAt"));
        var entry = Assert.Single((await client.GetJsonAsync($"/api/v1/tickets/{folio}")).GetProperty("timeline").EnumerateArray(),
            e => e.GetProperty("field").GetString() == "resolutionDue");
        Assert.Equal(("06/04/2026 10:00", "16/03/2026 10:00"), (entry.Str("from"), entry.Str("to")));
    }

    [Theory, BothDatabases]
    public async Task Waiting_on_the_subscriber_pauses_a_pausing_clock_and_both_ends_are_on_the_timeline(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await EditRulesAsync(app, async db =>
        {
            var fault = await db.DeadlineRules.FirstAsync(r => r.Kind == TicketKind.Fault && r.What == DeadlineKind.Resolution);
            fault.Set(fault.ToRule() with { PausesWhileWaitingOnSubscriber = true });
        });
        var client = app.Api();
        var created = (await client.PostAsync("/api/v1/tickets", Report("fault", "Sin señal"))).Body;
        var folio = created.Str("folio");
        var firstDue = Utc(created, "dueAt");
        await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" });

        var waiting = await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "waiting_on_subscriber" });
        await Task.Delay(50);
        var back = await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" });

        Assert.Equal(JsonValueKind.Null, waiting.Body.GetProperty("dueAt").ValueKind);
        var pause = await app.WithDbAsync(db => db.TicketPauses.SingleAsync());
        var waited = pause.To!.Value - pause.From;
        Assert.True(waited > TimeSpan.Zero);
        Assert.Equal(firstDue + waited, Utc(back.Body, "dueAt"), TimeSpan.FromMilliseconds(1));
        var clock = (await client.GetJsonAsync($"/api/v1/tickets/{folio}")).GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("field").GetString() == "resolutionDue").Select(e => e.Str("body")).ToArray();
        Assert.Equal(["Plazo en pausa mientras se espera al suscriptor.", "Plazo reanudado: el tiempo de espera del suscriptor no cuenta."], clock);
    }

    [Theory, BothDatabases]
    public async Task Supervisors_are_told_once_when_a_clock_turns_at_risk_and_once_when_it_runs_out(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await CreateUserAsync(app, "supervisora@localhost", Roles.Supervisor);
        await CreateUserAsync(app, "agente@localhost", Roles.Agent);
        var client = app.Api();
        var now = DateTime.UtcNow;
        var atRisk = (await client.PostAsync("/api/v1/tickets", Report("fault", "Intermitencia", now.AddHours(-20)))).Body.Str("folio");
        var overdue = (await client.PostAsync("/api/v1/tickets", Report("fault", "Sin señal", now.AddHours(-30)))).Body.Str("folio");
        await client.PostAsync("/api/v1/tickets", Report("fault", "Se fue la luz", now.AddHours(-1)));
        var job = app.Services.GetRequiredService<SupervisorNotices>();

        Assert.Equal(2, await job.RunBatchAsync(CancellationToken.None));
        Assert.Equal(0, await job.RunBatchAsync(CancellationToken.None));

        var notices = await app.WithDbAsync(db => db.DeadlineNotices.Join(db.Tickets, n => n.TicketId, t => t.Id, (n, t) => new { t.Folio, n.Kind }).ToListAsync());
        Assert.Equal([(atRisk, NoticeKind.AtRisk), (overdue, NoticeKind.Overdue)], notices.Select(n => (n.Folio, n.Kind)).OrderBy(n => n.Kind).ToArray());
        var mails = await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == OutboxKind.Notification && m.Recipient == "supervisora@localhost").ToListAsync());
        Assert.Equal(2, mails.Count);
        Assert.Contains(mails, m => m.Subject == $"[Folio {overdue}] Venció el plazo de solución");
        // The subscribers hear it too, once each, in the words of the deadline templates.
        var told = await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == OutboxKind.Notification && m.Recipient == "juan@example.mx")
            .Join(db.Tickets, m => m.TicketId, t => t.Id, (m, t) => new { t.Folio, m.Event, m.Subject }).ToListAsync());
        Assert.Equal([(atRisk, "deadline_at_risk"), (overdue, "deadline_breached")], told.Select(m => (m.Folio, m.Event!)).OrderBy(m => m.Item2).ToArray());
        Assert.Contains(told, m => m.Subject == $"[Folio {overdue}] Tu falla sigue en atención");
        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync(t => t.Folio == overdue));
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.NotificationQueued && e.Field == "deadline_breached");
        using var supervisor = await ConsoleClient.SignInAsync(app, "supervisora@localhost", "Persona-Password-1");
        var page = await supervisor.GetPageAsync("/supervision");
        Assert.Contains($"El folio {atRisk} (falla) está por vencer", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_subscriber_deadline_notices_off_only_supervisors_are_told()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite,
            new Dictionary<string, string?>(QuietJobs) { ["FollowUp:TellSubscribersAboutDeadlines"] = "false" });
        await CreateUserAsync(app, "supervisora@localhost", Roles.Supervisor);
        await app.Api().PostAsync("/api/v1/tickets", Report("fault", "Sin señal", DateTime.UtcNow.AddHours(-30)));

        Assert.Equal(1, await app.Services.GetRequiredService<SupervisorNotices>().RunBatchAsync(CancellationToken.None));

        var recipients = await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == OutboxKind.Notification).Select(m => m.Recipient).ToListAsync());
        Assert.Equal(["supervisora@localhost"], recipients);
    }

    [Theory, BothDatabases]
    public async Task Round_robin_gives_concurrent_reports_to_the_area_members_in_turn(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await AlwaysOpenAsync(app, "servicio_al_cliente");
        var agents = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            agents.Add((await CreateUserAsync(app, $"agente{i}@localhost", Roles.Agent, "servicio_al_cliente")).Id);
        }

        var client = app.Api();
        var created = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            client.PostAsync("/api/v1/tickets", Report("complaint", $"Queja número {i}"))));

        var owners = created.Select(c => c.Body.GetProperty("customerServiceOwner").GetString()).ToList();
        Assert.All(agents, a => Assert.Equal(10, owners.Count(o => o == a)));
        Assert.Equal(30, await app.WithDbAsync(db => db.AreaRouting.Where(r => r.AreaId == 1).Select(r => r.Turns).FirstAsync()));
    }

    [Fact]
    public async Task An_admin_sets_how_an_area_hands_out_its_folios_from_the_routing_page()
    {
        await using var app = await StartAsync(DatabaseKind.Sqlite);
        var area = await app.WithDbAsync(db => db.Areas.SingleAsync(a => a.Code == "tecnica"));
        using var admin = await ConsoleClient.SignInAsync(app);

        var saved = await admin.PostFormAsync("/admin/enrutamiento", $"reparto-{area.Id}",
            new() { ["Mode.Mode"] = "least_loaded", ["Mode.Slot"] = "technical_lead" });
        var refused = await admin.PostFormForPageAsync("/admin/enrutamiento", $"reparto-{area.Id}",
            new() { ["Mode.Mode"] = "a_la_suerte", ["Mode.Slot"] = "technical_lead" });

        Assert.Equal("/admin/enrutamiento?aviso=reparto", ConsoleClient.Location(saved));
        var setting = await app.WithDbAsync(db => db.AreaRouting.SingleAsync(r => r.AreaId == area.Id));
        Assert.Equal((AssignmentMode.LeastLoaded, AssignmentSlot.TechnicalLead), (setting.Mode, setting.Slot));
        Assert.Contains("Elige el reparto y el puesto de la lista.", refused, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Least_loaded_gives_the_report_to_the_member_with_fewest_open_tickets(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await AlwaysOpenAsync(app, "tecnica");
        var busy = await CreateUserAsync(app, "lider1@localhost", Roles.TechnicalLead, "tecnica");
        var idle = await CreateUserAsync(app, "lider2@localhost", Roles.TechnicalLead, "tecnica");
        var client = app.Api();
        // Queries are not routed; given to the first lead by hand, they are two open tickets of theirs.
        for (var i = 0; i < 2; i++)
        {
            var query = (await client.PostAsync("/api/v1/tickets", Report("query", $"Pregunta {i}"))).Body.Str("folio");
            await client.PostAsync($"/api/v1/tickets/{query}/assignment", new { technicalLead = busy.Id });
        }

        var first = (await client.PostAsync("/api/v1/tickets", Report("fault", "Sin señal"))).Body;
        var second = (await client.PostAsync("/api/v1/tickets", Report("fault", "Sin señal otra vez"))).Body;

        Assert.Equal(idle.Id, first.GetProperty("technicalLead").GetString());
        Assert.Equal(idle.Id, second.GetProperty("technicalLead").GetString());
        var because = (await client.GetJsonAsync($"/api/v1/tickets/{second.Str("folio")}")).GetProperty("timeline").EnumerateArray()
            .Single(e => e.GetProperty("field").GetString() == "technicalLead").Str("body");
        Assert.Equal("Asignación a quien tiene menos folios abiertos en Técnica (1).", because);
    }

    [Theory, BothDatabases]
    public async Task A_rule_change_brings_the_open_tickets_deadlines_up_to_date_in_batches(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        var client = app.Api();
        var reported = new DateTime(2026, 3, 13, 16, 0, 0, DateTimeKind.Utc);
        var open = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            open.Add((await client.PostAsync("/api/v1/tickets", Report("fault", $"Sin señal {i}", reported))).Body.Str("folio"));
        }

        var closed = (await client.PostAsync("/api/v1/tickets", Report("fault", "Ya quedó", reported))).Body.Str("folio");
        await client.PostAsync($"/api/v1/tickets/{closed}/status", new { status = "cancelled", reason = "Duplicado" });

        await EditRulesAsync(app, async db =>
        {
            var fault = await db.DeadlineRules.FirstAsync(r => r.Kind == TicketKind.Fault && r.What == DeadlineKind.Resolution);
            fault.Set(fault.ToRule() with { Amount = 10 });
        });
        var job = app.Services.GetRequiredService<DeadlineRecompute>();
        var batches = 0;
        while (await job.RunBatchAsync(CancellationToken.None) > 0)
        {
            batches++;
        }

        var due = await app.WithDbAsync(db => db.Tickets.ToDictionaryAsync(t => t.Folio, t => t.DueAt));
        Assert.All(open, f => Assert.Equal(reported.AddHours(10), due[f]));
        Assert.Equal(reported.AddHours(24), due[closed]);
        Assert.True(batches >= 1);
        var revision = await app.WithDbAsync(db => db.Set<FollowUpRevision>().SingleAsync());
        Assert.Equal(revision.Revision, revision.AppliedRevision);
    }

    [Theory, BothDatabases]
    public async Task The_supervision_page_counts_open_folios_for_supervisors_and_is_refused_to_agents(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await CreateUserAsync(app, "agente@localhost", Roles.Agent);
        var client = app.Api();
        var now = DateTime.UtcNow;
        await client.PostAsync("/api/v1/tickets", Report("fault", "Sin señal", now.AddHours(-30)));
        await client.PostAsync("/api/v1/tickets", Report("complaint", "Cobro indebido"));
        using var admin = await ConsoleClient.SignInAsync(app);
        using var agent = await ConsoleClient.SignInAsync(app, "agente@localhost", "Persona-Password-1");

        var page = await admin.GetPageAsync("/supervision");
        var refused = await agent.Http.GetAsync("/supervision");

        Assert.Contains("Folios abiertos: 2", page, StringComparison.Ordinal);
        Assert.Contains("Vencidos: 1", page, StringComparison.Ordinal);
        Assert.Contains("Folios recibidos, últimos 7 días", page, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
    }
}
