using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Staff;
using Ventanilla.Supervision;
using Ventanilla.Tickets;
using static Ventanilla.IntegrationTests.FollowUpRulesSteps;

namespace Ventanilla.IntegrationTests;

/// <summary>Deadline notices to supervisors and subscribers, and the supervision page.</summary>
public class SupervisionTests
{
    [Theory, BothDatabases]
    public async Task Supervisors_are_told_once_when_a_clock_turns_at_risk_and_once_when_it_runs_out(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await CreateUserAsync(app, "supervisora@localhost", Roles.Supervisor);
        await CreateUserAsync(app, "agente@localhost", Roles.Agent);
        var client = app.Api();
        var now = app.Now;
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
        await app.Api().PostAsync("/api/v1/tickets", Report("fault", "Sin señal", app.Now.AddHours(-30)));

        Assert.Equal(1, await app.Services.GetRequiredService<SupervisorNotices>().RunBatchAsync(CancellationToken.None));

        var recipients = await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == OutboxKind.Notification).Select(m => m.Recipient).ToListAsync());
        Assert.Equal(["supervisora@localhost"], recipients);
    }

    [Theory, BothDatabases]
    public async Task The_supervision_page_counts_open_folios_for_supervisors_and_is_refused_to_agents(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await CreateUserAsync(app, "agente@localhost", Roles.Agent);
        var client = app.Api();
        var now = app.Now;
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

    [Theory, BothDatabases]
    public async Task The_daily_figures_count_each_local_day_as_counting_that_day_alone_would(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        var client = app.Api();
        var now = app.Now;
        foreach (var hoursAgo in new[] { 2, 20, 30, 50, 75, 100, 101, 160 })
        {
            await client.PostAsync("/api/v1/tickets", Report("fault", $"Sin señal {hoursAgo}", now.AddHours(-hoursAgo)));
        }

        // One clock met: the subscriber was told an hour before it ran out.
        await app.WithDbAsync(db => db.Tickets.Where(t => t.Subject == "Sin señal 100")
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.NotifiedAt, t => t.DueAt!.Value.AddHours(-1))));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City");

        var figures = await app.WithDbAsync(db => SupervisionQuery.DailyAsync(db, now, zone, 8, default));
        var expected = await app.WithDbAsync(db => DayByDayAsync(db, now, zone, 8));

        Assert.Equal(expected, figures);
        Assert.Equal(8, figures.Sum(f => f.Count));
        Assert.Equal(1, figures.Sum(f => f.OnTime));
        Assert.True(figures.Sum(f => f.Due) >= 2);
    }

    /// <summary>The figures counted one local day at a time, the plain way the page must agree with.</summary>
    private static async Task<List<DayFigure>> DayByDayAsync(VentanillaDbContext db, DateTime now, TimeZoneInfo zone, int days)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var figures = new List<DayFigure>();
        for (var i = days - 1; i >= 0; i--)
        {
            var day = today.AddDays(-i);
            var from = Ventanilla.Deadlines.ZoneTime.ToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
            var to = Ventanilla.Deadlines.ZoneTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            var end = to < now ? to : now;
            var due = db.Tickets.Where(t => t.DueAt >= from && t.DueAt < end && t.Status != TicketStatus.Cancelled);
            figures.Add(new DayFigure(day,
                await db.Tickets.CountAsync(t => t.ReportedAt >= from && t.ReportedAt < to),
                await due.CountAsync(t => (t.ServiceRestoredAt ?? t.NotifiedAt ?? t.ClosedAt) <= t.DueAt),
                await due.CountAsync()));
        }

        return figures;
    }
}
