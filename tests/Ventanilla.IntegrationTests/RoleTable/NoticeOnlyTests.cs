using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Tickets;
using static Ventanilla.IntegrationTests.FollowUp.FollowUpFlow;

namespace Ventanilla.IntegrationTests.RoleTable;

/// <summary>A folio is notified only when the subscriber was sent the notice, whoever asks and however.</summary>
public class NoticeOnlyTests
{
    [Theory, BothDatabases]
    public async Task Status_notified_through_the_API_is_409_naming_the_notice_for_every_role(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = await ResolvedFaultAsync(app.Api());
        var answers = new List<(string Role, HttpStatusCode Status, string Title)>();

        foreach (var role in Roles.All)
        {
            using var client = app.Api(await app.CreateApiKeyAsync(role));
            var (status, body, _) = await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "notified" });
            answers.Add((role, status, body.Str("title")));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        Assert.All(answers, a => Assert.Contains($"POST /api/v1/tickets/{folio}/notice", a.Title, StringComparison.Ordinal));
        Assert.Equal(TicketStatus.Resolved, await app.WithDbAsync(db => db.Tickets.Select(t => t.Status).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Event == "resolved")));
    }

    [Theory, BothDatabases]
    public async Task The_status_form_offers_no_notified_and_refuses_a_forged_one(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = await ResolvedFaultAsync(app.Api());
        await CreateUserAsync(app, "tecnico@localhost", Roles.Technician);
        using var technician = await ConsoleClient.SignInAsync(app, "tecnico@localhost", Password);

        var page = await technician.GetPageAsync("/folios/" + folio);
        var answer = await technician.PostFormForPageAsync("/folios/" + folio, "estado", new() { ["Input.Status"] = "notified" });

        Assert.Contains("name=\"Input.Status\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"notified\"", page, StringComparison.Ordinal);
        Assert.Contains("solo al enviar el aviso al suscriptor", answer, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Resolved, await app.WithDbAsync(db => db.Tickets.Select(t => t.Status).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task The_notice_is_refused_to_a_role_without_the_right_to_notify(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = await ResolvedFaultAsync(app.Api());
        using var lead = app.Api(await app.CreateApiKeyAsync(Roles.TechnicalLead));
        using var agent = app.Api(await app.CreateApiKeyAsync(Roles.Agent));

        var refused = await lead.PostAsync($"/api/v1/tickets/{folio}/notice", new { });
        var sent = await agent.PostAsync($"/api/v1/tickets/{folio}/notice", new { });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal((HttpStatusCode.OK, "notified"), (sent.Status, sent.Body.Str("status")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Event == "resolved")));
    }
}
