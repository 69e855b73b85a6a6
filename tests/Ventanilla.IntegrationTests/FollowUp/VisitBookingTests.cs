using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Staff;
using Ventanilla.Tickets;
using Ventanilla.Visits;
using static Ventanilla.IntegrationTests.FollowUp.FollowUpFlow;

namespace Ventanilla.IntegrationTests.FollowUp;

/// <summary>Home visits are booked without ever giving a technician two visits at once.</summary>
public class VisitBookingTests
{
    [Theory, BothDatabases]
    public async Task Todays_visits_are_listed_for_supervisors_with_their_technician_and_folio(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var technician = await CreateUserAsync(app, "tecnico@localhost", Roles.Technician, "Rosa Técnica");
        var today = await NewFaultAsync(client);
        var later = await NewFaultAsync(client);
        var day = app.Clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(client, today, technician, "afternoon", day: day)).Status);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(client, later, technician, "morning")).Status);
        using var admin = await ConsoleClient.SignInAsync(app);

        var page = await admin.GetPageAsync("/supervision");

        var section = page[page.IndexOf("id=\"visitas\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("Visitas hoy: 1; terminadas: 0", section, StringComparison.Ordinal);
        Assert.Contains("14:00–20:00", section, StringComparison.Ordinal);
        Assert.Contains("Rosa Técnica", section, StringComparison.Ordinal);
        Assert.Contains(today, section, StringComparison.Ordinal);
        Assert.DoesNotContain(later, section, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_visit_overlapping_one_the_technician_already_has_is_refused(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var technician = await CreateUserAsync(app, "tecnico@localhost", Roles.Technician);
        var first = await NewFaultAsync(client);
        var second = await NewFaultAsync(client);

        var morning = await BookAsync(client, first, technician, "morning");
        var sameMorning = await BookAsync(client, second, technician, "morning");
        var straddling = await BookAsync(client, second, technician, "exact", "13:30", "14:30");
        var afternoon = await BookAsync(client, second, technician, "afternoon");

        Assert.Equal(HttpStatusCode.Created, morning.Status);
        Assert.Equal(HttpStatusCode.Conflict, sameMorning.Status);
        Assert.Contains("se cruza", sameMorning.Body.Str("title"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, straddling.Status);
        Assert.Equal(HttpStatusCode.Created, afternoon.Status);
        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Folio == first));
        Assert.Equal(TicketStatus.VisitScheduled, ticket.Status);
    }

    [Theory, BothDatabases]
    public async Task A_visit_booked_from_an_old_version_of_the_folio_is_refused_as_stale(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var technician = await CreateUserAsync(app, "tecnico@localhost", Roles.Technician);
        var folio = await NewFaultAsync(client);
        var seen = (await client.SendAsync(HttpMethod.Get, $"/api/v1/tickets/{folio}")).Response.Headers.ETag!.Tag;
        var changed = await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "diagnosing" });
        Assert.True(changed.Status == HttpStatusCode.OK, changed.Body.ToString());
        Assert.NotEqual(seen, changed.Response.Headers.ETag?.Tag);

        var booked = await client.SendAsync(HttpMethod.Post, $"/api/v1/tickets/{folio}/visits",
            new { technician, day = VisitDay, window = "morning" }, seen);

        Assert.Equal(HttpStatusCode.Conflict, booked.Status);
        Assert.Contains("Alguien más modificó", booked.Body.Str("title"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Visits.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Concurrent_bookings_of_one_window_leave_exactly_one_visit(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var technician = await CreateUserAsync(app, "tecnico@localhost", Roles.Technician);
        var folios = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            folios.Add(await NewFaultAsync(client));
        }

        // Each request has its own client, as six leads would: all go at once for the same morning.
        var answers = await Task.WhenAll(folios.Select(folio => BookAsync(app.Api(), folio, technician, "morning")));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        Assert.Equal(1, await app.WithDbAsync(db => db.Visits.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Rescheduling_keeps_the_old_visit_marked_and_frees_its_window(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var technician = await CreateUserAsync(app, "tecnico@localhost", Roles.Technician);
        var folio = await NewFaultAsync(client);
        var other = await NewFaultAsync(client);
        var booked = await BookAsync(client, folio, technician, "morning");
        var id = booked.Body.GetProperty("id").GetInt64();

        var moved = await client.PostAsync($"/api/v1/tickets/{folio}/visits/{id}/reschedule",
            new { technician, day = VisitDay, window = "afternoon" });
        var freed = await BookAsync(client, other, technician, "morning");

        Assert.Equal(HttpStatusCode.Created, moved.Status);
        Assert.Equal(id, moved.Body.GetProperty("rescheduledFromId").GetInt64());
        Assert.Equal(HttpStatusCode.Created, freed.Status);
        var visits = await app.WithDbAsync(db => db.Visits.OrderBy(v => v.Id).ToListAsync());
        Assert.Equal(VisitStatus.Rescheduled, visits[0].Status);
        var timeline = await app.WithDbAsync(db => db.TimelineEntries.Where(e => e.Type == TimelineEntryType.VisitChanged).ToListAsync());
        Assert.Contains(timeline, e => e.Body!.StartsWith("Visita reprogramada", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task The_subscriber_is_told_the_window_and_told_again_when_the_visit_is_missed(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var technician = await CreateUserAsync(app, "tecnico@localhost", Roles.Technician);
        var folio = await NewFaultAsync(client);
        var id = (await BookAsync(client, folio, technician, "exact", "10:00", "11:30")).Body.GetProperty("id").GetInt64();

        var missing = await client.PostAsync($"/api/v1/tickets/{folio}/visits/{id}/report", new { outcome = "missed" });
        var missed = await client.PostAsync($"/api/v1/tickets/{folio}/visits/{id}/report", new { outcome = "missed", reason = "Nadie abrió en el domicilio." });

        Assert.Equal(HttpStatusCode.Conflict, missing.Status);
        Assert.Equal(HttpStatusCode.OK, missed.Status);
        var notices = await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == OutboxKind.Notification).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(["visit_scheduled", "visit_missed"], notices.Select(m => m.Event));
        Assert.Contains("de 10:00 a 11:30", notices[0].Body, StringComparison.Ordinal);
        Assert.Equal(ContactChannel.Email, notices[0].Channel);
        Assert.Equal(2, notices[0].TemplateValues().Count);
    }

    [Theory, BothDatabases]
    public async Task A_technician_reports_only_their_own_visits(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var technician = await CreateUserAsync(app, "tecnico@localhost", Roles.Technician);
        var folio = await NewFaultAsync(client);
        var id = (await BookAsync(client, folio, technician, "morning")).Body.GetProperty("id").GetInt64();
        var stranger = app.Api(await app.CreateApiKeyAsync(Roles.Technician));

        var refused = await stranger.PostAsync($"/api/v1/tickets/{folio}/visits/{id}/report", new { outcome = "arrived" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(VisitStatus.Scheduled, await app.WithDbAsync(db => db.Visits.Select(v => v.Status).SingleAsync()));
    }
}
