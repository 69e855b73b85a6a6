using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Ventanilla.Staff;
using Ventanilla.Tickets;
using static Microsoft.Playwright.Assertions;

namespace Ventanilla.BrowserTests;

/// <summary>
/// A fault goes through the procedure in the browser, each step by the role that owns it: Customer
/// Service takes it, the technical lead records cause and correction, Customer Service tells the
/// subscriber and closes it with their confirmation.
/// </summary>
public class FaultClosureTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TicketPage_FaultResolvedNotifiedAndConfirmed_EndsClosedWithWholeHistory()
    {
        var folio = await browser.CreateTicketAsync("Sin servicio de internet en toda la casa", phone: "492 100 2030");
        var agent = await browser.SignedInPageAsync(Roles.Agent, "Luis Fernando Ortega");
        await agent.GotoAsync("/folios/" + folio);
        // Customer Service neither records the technical finding nor sees the form for it.
        await Expect(agent.Locator("#resolucion-causa")).ToHaveCountAsync(0);
        await ChangeStatusAsync(agent, "in_progress");
        await Expect(agent.Locator(".ticket-head .badge")).ToHaveTextAsync("en atención");

        var lead = await browser.SignedInPageAsync(Roles.TechnicalLead, "Héctor Salazar Ríos");
        await lead.GotoAsync("/folios/" + folio);
        // The cause comes from the provider's catalogue, so reports can count causes.
        await lead.GetByLabel("Causa encontrada").SelectOptionAsync("Falla en fibra óptica (corte o daño en la red)");
        await lead.GetByLabel("Corrección realizada").FillAsync("Se reemplazó el conector y se midió la potencia: -19 dBm");
        await lead.GetByLabel("Procedente: la causa corresponde al proveedor").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Registrar resolución" }).ClickAsync();
        await Expect(lead.Notice()).ToHaveTextAsync("Resolución técnica registrada.");
        await Expect(lead.Locator(".ticket-head .badge")).ToHaveTextAsync("resuelto");

        await agent.ReloadAsync();
        // The notice is its own action, so the subscriber is told the cause whenever the folio says "notificado".
        await Expect(agent.Locator("#estado-nuevo option[value=notified]")).ToHaveCountAsync(0);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Enviar aviso al suscriptor" }).ClickAsync();
        await Expect(agent.Notice()).ToHaveTextAsync("Aviso enviado al suscriptor; el folio espera su confirmación.");
        await agent.GetByLabel("Confirmó que quedó resuelto").CheckAsync();
        await ChangeStatusAsync(agent, "closed");

        await Expect(agent.Locator(".ticket-head .badge")).ToHaveTextAsync("cerrado");
        await Expect(agent.Locator(".ticket-head")).ToContainTextAsync("confirmó la reparación");
        await Expect(agent.Locator("#estado-nuevo option[value=closed]")).ToHaveCountAsync(0);
        var history = agent.TimelineEntries();
        // Right after the report, routing's two decisions: the technical area and, for a fault without service, high priority.
        await Expect(history).ToHaveCountAsync(9);
        await Expect(history.Nth(0)).ToContainTextAsync("Reporte recibido por correo electrónico");
        await Expect(history.Nth(1)).ToContainTextAsync("Regla de enrutamiento");
        await Expect(history.Nth(2)).ToContainTextAsync("Regla de enrutamiento");
        await Expect(history.Nth(3)).ToContainTextAsync(Moved("registrado", "en atención"));
        await Expect(history.Nth(4)).ToContainTextAsync("Resolución técnica registrada");
        await Expect(history.Nth(4)).ToContainTextAsync("Causa: Falla en fibra óptica (corte o daño en la red)");
        await Expect(history.Nth(4)).ToContainTextAsync("Héctor Salazar Ríos");
        // Customer Service is told the folio is theirs again, to notify the subscriber.
        await Expect(history.Nth(5)).ToContainTextAsync("Listo para avisar al suscriptor");
        await Expect(history.Nth(6)).ToContainTextAsync(Moved("resuelto", "notificado al suscriptor"));
        await Expect(history.Nth(7)).ToContainTextAsync("Aviso al suscriptor por correo electrónico: Aviso de resolución");
        await Expect(history.Nth(8)).ToContainTextAsync(Moved("notificado al suscriptor", "cerrado"));
        await Expect(history.Nth(8)).ToContainTextAsync("Luis Fernando Ortega");

        var stored = await browser.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Folio == folio));
        Assert.Equal(TicketStatus.Closed, stored.Status);
        Assert.Equal(SubscriberConfirmation.Confirmed, stored.Confirmation);
        Assert.True(stored.Resolution?.Upheld, "The resolution should be recorded as procedente.");
        Assert.NotNull(stored.NotifiedAt);
    }

    [Fact]
    public async Task TicketPage_CloseFaultBeforeResolution_ShowsMissingResolution()
    {
        var folio = await browser.CreateTicketAsync("Se corta la llamada por internet cada cinco minutos");
        var agent = await browser.SignedInPageAsync(Roles.Agent);
        await agent.GotoAsync("/folios/" + folio);
        await ChangeStatusAsync(agent, "in_progress");
        // The list offers only what may follow; a forged choice must be refused by the server, in Spanish.
        await Expect(agent.Locator("#estado-nuevo option[value=closed]")).ToHaveCountAsync(0);
        await agent.Locator("#estado-nuevo").EvaluateAsync("s => s.add(new Option('cerrado', 'closed'))");

        await agent.Locator("#estado-nuevo").SelectOptionAsync("closed");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Cambiar estado" }).ClickAsync();

        await Expect(agent.Alert()).ToHaveTextAsync("Para cerrar una falla, primero registra la resolución técnica y notifica al suscriptor.");
        await Expect(agent.Locator(".ticket-head .badge")).ToHaveTextAsync("en atención");
        var stored = await browser.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Folio == folio));
        Assert.Equal(TicketStatus.InProgress, stored.Status);
    }

    [Fact]
    public async Task TicketPage_ResolveFaultWithoutFinding_ShowsMissingResolution()
    {
        var folio = await browser.CreateTicketAsync("No hay señal en el segundo piso");
        var agent = await browser.SignedInPageAsync(Roles.Agent);
        await agent.GotoAsync("/folios/" + folio);
        await ChangeStatusAsync(agent, "in_progress");

        await agent.Locator("#estado-nuevo").SelectOptionAsync("resolved");
        await agent.GetByLabel("Motivo o respuesta dada").FillAsync("Ya funciona");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Cambiar estado" }).ClickAsync();

        await Expect(agent.Alert()).ToHaveTextAsync(
            "Antes de resolver, registra la resolución técnica: causa, corrección y si el reporte es procedente.");
        await Expect(agent.Locator(".ticket-head .badge")).ToHaveTextAsync("en atención");
    }

    // The arrow between the two statuses is hidden from screen readers, which hear a word instead.
    private static Regex Moved(string from, string to) =>
        new($"Cambio de estado:\\s*{Regex.Escape(from)}\\s*→\\s*a\\s*{Regex.Escape(to)}");

    private static async Task ChangeStatusAsync(IPage page, string status)
    {
        await page.Locator("#estado-nuevo").SelectOptionAsync(status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cambiar estado" }).ClickAsync();
        await Expect(page.Notice()).ToHaveTextAsync("Estado actualizado.");
    }
}
