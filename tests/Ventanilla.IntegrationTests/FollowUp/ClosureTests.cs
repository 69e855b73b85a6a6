using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ventanilla.Data;
using Ventanilla.Deadlines;
using Ventanilla.Messaging;
using Ventanilla.Tickets;
using Ventanilla.Tickets.Closure;
using Ventanilla.Tickets.Inbox;
using static Ventanilla.IntegrationTests.FollowUp.FollowUpFlow;

namespace Ventanilla.IntegrationTests.FollowUp;

/// <summary>Step 5: the notice to the subscriber and their answer, or the lack of one.</summary>
public class ClosureTests
{
    [Theory, BothDatabases]
    public async Task A_resolved_fault_waits_in_Por_notificar_until_the_notice_goes(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = await ResolvedFaultAsync(client);

        var waiting = await ToNotifyAsync(app);
        var notice = await client.PostAsync($"/api/v1/tickets/{folio}/notice", new { });

        Assert.Equal([folio], waiting);
        Assert.Equal(HttpStatusCode.OK, notice.Status);
        Assert.Equal("notified", notice.Body.Str("status"));
        Assert.Empty(await ToNotifyAsync(app));
        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync());
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.ReadyToNotify);
        var message = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.Event == "resolved"));
        Assert.Equal((ContactChannel.Email, "juan@example.mx"), (message.Channel, message.Recipient));
        Assert.Contains("Causa: Falla en fibra óptica", message.Body, StringComparison.Ordinal);
        Assert.Contains("Corrección: Se empalmó la fibra", message.Body, StringComparison.Ordinal);
        Assert.Contains("fue procedente", message.Body, StringComparison.Ordinal);
        Assert.Contains("¿Quedó resuelto?", message.Body, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_agent_records_a_confirmation_from_the_phone_and_the_folio_closes(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = await ResolvedFaultAsync(client);
        await client.PostAsync($"/api/v1/tickets/{folio}/notice", new { });

        var closed = await client.PostAsync($"/api/v1/tickets/{folio}/subscriber-answer", new { @fixed = true, said = "Dice que ya navega bien." });

        Assert.Equal("closed", closed.Body.Str("status"));
        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync());
        Assert.Equal(SubscriberConfirmation.Confirmed, ticket.Confirmation);
        Assert.Equal(["resolved", "closed"], await EventsAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Not_fixed_reopens_the_folio_with_what_the_subscriber_said(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = await ResolvedFaultAsync(client);
        await client.PostAsync($"/api/v1/tickets/{folio}/notice", new { });

        var withoutWords = await client.PostAsync($"/api/v1/tickets/{folio}/subscriber-answer", new { @fixed = false });
        var reopened = await client.PostAsync($"/api/v1/tickets/{folio}/subscriber-answer", new { @fixed = false, said = "Sigue sin señal." });

        Assert.Equal(HttpStatusCode.BadRequest, withoutWords.Status);
        Assert.Equal("reopened", reopened.Body.Str("status"));
        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync());
        Assert.Equal(SubscriberConfirmation.NotFixed, ticket.Confirmation);
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.StatusChanged && e.Body == "Sigue sin señal.");
        Assert.Equal(["resolved", "reopened"], await EventsAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Without_an_answer_the_folio_closes_after_the_configured_business_days(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, new Dictionary<string, string?> { ["FollowUp:AutoCloseDays"] = "2" });
        var client = app.Api();
        var folio = await ResolvedFaultAsync(client);
        await client.PostAsync($"/api/v1/tickets/{folio}/notice", new { });
        var notifiedAt = await app.WithDbAsync(db => db.Tickets.Select(t => t.NotifiedAt!.Value).SingleAsync());
        var due = BusinessCalendar.MexicanBusinessDays().AddBusinessDays(notifiedAt, 2);
        var clock = new FakeTimeProvider(due.AddMinutes(-1));

        var early = await AutoCloseAsync(app, clock);
        clock.SetUtcNow(due);
        var onTime = await AutoCloseAsync(app, clock);
        var again = await AutoCloseAsync(app, clock);

        Assert.Equal((0, 1, 0), (early, onTime, again));
        Assert.True(due - notifiedAt >= TimeSpan.FromDays(2));
        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync());
        Assert.Equal((TicketStatus.Closed, SubscriberConfirmation.NoAnswer), (ticket.Status, ticket.Confirmation));
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.StatusChanged && e.To == "closed"
            && e.Body == "Cerrado sin respuesta del suscriptor después de 2 días hábiles del aviso.");
        Assert.Equal(["resolved", "closed"], await EventsAsync(app));
    }

    [Theory, BothDatabases]
    public async Task The_notice_waits_for_the_area_outcome_of_a_complaint(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = await NewFaultAsync(client, kind: "complaint");

        var noAgreement = await client.PostAsync($"/api/v1/tickets/{folio}/outcome", new { outcome = "conciliated" });
        var early = await client.PostAsync($"/api/v1/tickets/{folio}/notice", new { });
        var conciliated = await client.PostAsync($"/api/v1/tickets/{folio}/outcome",
            new { outcome = "conciliated", text = "Se bonifica el 50% de la mensualidad de noviembre." });
        var notice = await client.PostAsync($"/api/v1/tickets/{folio}/notice", new { });

        Assert.Equal(HttpStatusCode.BadRequest, noAgreement.Status);
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Equal(HttpStatusCode.OK, conciliated.Status);
        Assert.Equal("resolved", conciliated.Body.Str("status"));
        Assert.Equal(HttpStatusCode.OK, notice.Status);
        var message = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.Event == "resolved"));
        Assert.Contains("Causa: conciliado", message.Body, StringComparison.Ordinal);
        Assert.Contains("Se bonifica el 50%", message.Body, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_complaint_resolved_without_its_area_outcome_cannot_be_marked_notified_by_status_either(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = await NewFaultAsync(client, kind: "complaint");
        await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" });
        var resolved = await client.PostAsync($"/api/v1/tickets/{folio}/resolution", new { cause = "Cobro duplicado", correction = "Se revisó", upheld = true });

        var notified = await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "notified" });
        var notice = await client.PostAsync($"/api/v1/tickets/{folio}/notice", new { });

        Assert.Equal(HttpStatusCode.OK, resolved.Status);
        Assert.Equal(HttpStatusCode.Conflict, notified.Status);
        Assert.Contains("solo al enviar el aviso", notified.Body.Str("title"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, notice.Status);
        Assert.Contains("el área debe registrar el resultado", notice.Body.Str("title"), StringComparison.Ordinal);
        Assert.Equal("resolved", (await client.GetJsonAsync($"/api/v1/tickets/{folio}")).Str("status"));
    }

    [Theory, BothDatabases]
    public async Task A_cancellation_is_resolved_only_with_its_effective_date(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = await NewFaultAsync(client, kind: "cancellation");
        var resolution = new { cause = "Solicitud del suscriptor", correction = "Baja del servicio", upheld = true };

        var early = await client.PostAsync($"/api/v1/tickets/{folio}/resolution", resolution);
        var dated = await client.PostAsync($"/api/v1/tickets/{folio}/cancellation-date", new { effectiveOn = "2026-12-31" });
        var resolved = await client.PostAsync($"/api/v1/tickets/{folio}/resolution", resolution);

        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Contains(Ticket.MissingCancellationDate, early.Body.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.OK, dated.Status);
        Assert.Equal(HttpStatusCode.OK, resolved.Status);
        Assert.Equal(new DateOnly(2026, 12, 31), await app.WithDbAsync(db => db.Tickets.Select(t => t.CancellationEffectiveOn).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task The_subscriber_is_told_once_when_the_technical_area_takes_the_folio(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var first = await CreateUserAsync(app, "jefe1@localhost", Staff.Roles.TechnicalLead);
        var second = await CreateUserAsync(app, "jefe2@localhost", Staff.Roles.TechnicalLead);
        var folio = await NewFaultAsync(client);

        await client.PostAsync($"/api/v1/tickets/{folio}/assignment", new { technicalLead = first });
        await client.PostAsync($"/api/v1/tickets/{folio}/assignment", new { technicalLead = second });

        Assert.Equal(["assigned_to_technical"], await EventsAsync(app));
        var message = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.Event == "assigned_to_technical"));
        Assert.Contains($"Tu falla con folio {folio} ya está con nuestro responsable técnico", message.Body, StringComparison.Ordinal);
    }

    private static async Task<int> AutoCloseAsync(VentanillaApp app, TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<AutoCloser>(scope.ServiceProvider, clock).CloseUnansweredAsync();
    }

    private static Task<List<string?>> EventsAsync(VentanillaApp app) =>
        app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == OutboxKind.Notification).OrderBy(m => m.Id).Select(m => m.Event).ToListAsync());

    private static Task<string[]> ToNotifyAsync(VentanillaApp app) => app.WithDbAsync(async db =>
        (await InboxQuery.PageAsync(db, new InboxFilter(InboxView.ToNotify, "x", null), app.Now, null, 50, CancellationToken.None)).Rows.Select(r => r.Folio).ToArray());
}
