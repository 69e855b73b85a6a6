using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Deadlines;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Tickets;
using static Ventanilla.IntegrationTests.FollowUpRulesSteps;

namespace Ventanilla.IntegrationTests;

/// <summary>Calendars and deadlines as data: edited in administration, applied to the next ticket and to open ones.</summary>
public class FollowUpRulesTests
{
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
}
