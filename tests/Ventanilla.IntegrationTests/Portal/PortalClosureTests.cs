using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Portal;

public class PortalClosureTests
{
    [Theory, BothDatabases]
    public async Task The_subscriber_confirms_a_notified_fix_and_rates_it_which_closes_the_folio(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);
        var folio = await PortalSteps.FileAsync(browser);
        await PortalSteps.NotifyAsync(app, folio);

        var page = await browser.GetPageAsync("/portal/mi-folio");
        Assert.Contains("Conector dañado", page, StringComparison.Ordinal);
        var confirmed = await browser.PostFormForPageAsync("/portal/mi-folio", "confirmar", []);
        var rated = await browser.PostFormForPageAsync("/portal/mi-folio", "calificar", new() { ["Rating.Score"] = "4", ["Rating.Comment"] = "Rápidos y amables" });

        Assert.Contains("Cerramos tu folio", confirmed, StringComparison.Ordinal);
        Assert.Contains("Gracias por tu calificación", rated, StringComparison.Ordinal);
        var ticket = await PortalSteps.TicketAsync(app, folio);
        Assert.Equal((TicketStatus.Closed, SubscriberConfirmation.Confirmed, 4, "Rápidos y amables"),
            (ticket.Status, ticket.Confirmation!.Value, ticket.Rating!.Value, ticket.RatingComment!));
        Assert.Contains(ticket.Timeline, e => e.Field == "rating" && e.To == "4");
        // The same closing notice as from any other channel.
        Assert.True(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.TicketId == ticket.Id && m.Event == "closed")));
        var console = await ConsoleClient.SignInAsync(app);
        Assert.Contains("4 de 5", await console.GetPageAsync($"/folios/{folio}"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_folio_page_shows_each_notice_in_the_words_of_its_portal_template(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);
        var folio = await PortalSteps.FileAsync(browser);
        await PortalSteps.NotifyAsync(app, folio);

        var page = await browser.GetPageAsync("/portal/mi-folio");

        var conversation = page[page.IndexOf("class=\"conversation\"", StringComparison.Ordinal)..];
        Assert.Contains("Aviso de Netmas", conversation, StringComparison.Ordinal);
        Assert.Contains("Causa: Conector dañado. Corrección: Se cambió el conector. Tu reporte fue procedente. ¿Quedó resuelto?", conversation, StringComparison.Ordinal);
        // The email's words ask for a reply to it, which makes no sense on the page.
        Assert.DoesNotContain("Responde a este mensaje", page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Saying_it_is_not_fixed_reopens_the_folio_with_the_subscribers_words(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);
        var folio = await PortalSteps.FileAsync(browser);
        await PortalSteps.NotifyAsync(app, folio);

        var page = await browser.PostFormForPageAsync("/portal/mi-folio", "no-resuelto", new() { ["Reopen.Reason"] = "Se vuelve a cortar cada hora." });

        Assert.Contains("Reabrimos tu reporte", page, StringComparison.Ordinal);
        var ticket = await PortalSteps.TicketAsync(app, folio);
        Assert.Equal((TicketStatus.Reopened, SubscriberConfirmation.NotFixed), (ticket.Status, ticket.Confirmation!.Value));
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.StatusChanged && e.To == "reopened" && e.Body == "Se vuelve a cortar cada hora.");
        Assert.True(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.TicketId == ticket.Id && m.Event == "reopened")));
    }

    [Theory, BothDatabases]
    public async Task A_folio_not_yet_notified_cannot_be_confirmed_from_the_portal(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);
        var folio = await PortalSteps.FileAsync(browser);
        var page = await browser.GetPageAsync("/portal/mi-folio");
        Assert.DoesNotContain("¿Quedó resuelto?", page, StringComparison.Ordinal);

        // A hand-made post of the closure form must not close it either.
        var forged = await browser.PostFormAsync("/portal/mi-folio", "mensaje", new() { ["_handler"] = "confirmar" });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(TicketStatus.Registered, (await PortalSteps.TicketAsync(app, folio)).Status);
    }
}
