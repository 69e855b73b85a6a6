using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Ventanilla.Messaging;
using Ventanilla.Staff;
using Ventanilla.Tickets;
using static Microsoft.Playwright.Assertions;

namespace Ventanilla.BrowserTests;

/// <summary>An agent answers the subscriber and leaves a note for colleagues on the ticket page.</summary>
public class TicketPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TicketPage_ReplyThenNote_BothOnTimelineAndReplyQueuedToContact()
    {
        var folio = await browser.CreateTicketAsync("Mi velocidad es la mitad de lo contratado", kind: "complaint",
            email: "marisol.cardenas@correo.mx", name: "Marisol Cárdenas");
        var page = await browser.SignedInPageAsync(Roles.Agent, "Ana Lucía Martínez");
        await page.GotoAsync("/folios/" + folio);
        await Expect(page.Locator("#respuesta-destino")).ToContainTextAsync("marisol.cardenas@correo.mx");

        const string reply = "Revisamos su línea y encontramos saturación en el nodo; la corregimos hoy a las 18:00.";
        await page.GetByLabel("Mensaje").FillAsync(reply);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar respuesta" }).ClickAsync();

        await Expect(page.Notice()).ToHaveTextAsync("Respuesta agregada al historial; su estado de envío se ve junto a ella.");
        var sent = page.TimelineEntries().Last;
        await Expect(sent).ToContainTextAsync("Respuesta al suscriptor por correo electrónico");
        await Expect(sent).ToContainTextAsync(reply);
        await Expect(sent).ToContainTextAsync("Ana Lucía Martínez");

        const string note = "Pedí al responsable técnico revisar el nodo Centro antes de las 17:00.";
        await page.GetByLabel("Nota", new() { Exact = true }).FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Agregar nota" }).ClickAsync();

        await Expect(page.Notice()).ToHaveTextAsync("Nota interna agregada.");
        var noted = page.TimelineEntries().Last;
        await Expect(noted.Locator(".note-mark")).ToHaveTextAsync("Nota interna");
        await Expect(noted).ToContainTextAsync(note);
        await Expect(page.TimelineEntries().Filter(new() { HasText = reply })).ToHaveCountAsync(1);

        var queued = await browser.WithDbAsync(db => db.Outbox.AsNoTracking()
            .Where(m => m.Kind == OutboxKind.Reply && db.Tickets.Any(t => t.Id == m.TicketId && t.Folio == folio)).ToListAsync());
        var message = Assert.Single(queued);
        Assert.Equal((ContactChannel.Email, "marisol.cardenas@correo.mx", OutboxState.Pending), (message.Channel, message.Recipient, message.State));
        Assert.Equal(reply, message.Body);
        Assert.DoesNotContain(queued, m => m.Body.Contains("nodo Centro", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TicketPage_EmptyReply_StaysWithSpanishError()
    {
        var folio = await browser.CreateTicketAsync("El módem se reinicia solo");
        var page = await browser.SignedInPageAsync(Roles.Agent);
        await page.GotoAsync("/folios/" + folio);
        var before = await page.TimelineEntries().CountAsync();

        // The browser would stop an empty required field; the server must refuse it as well.
        await page.Locator("#respuesta-texto").EvaluateAsync("e => e.removeAttribute('required')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar respuesta" }).ClickAsync();

        await Expect(page.Alert()).ToContainTextAsync("Mensaje:");
        await Expect(page.Notice()).ToHaveCountAsync(0);
        await Expect(page.TimelineEntries()).ToHaveCountAsync(before);
    }
}
