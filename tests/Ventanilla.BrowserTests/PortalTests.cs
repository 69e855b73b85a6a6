using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Ventanilla.Tickets;
using static Microsoft.Playwright.Assertions;

namespace Ventanilla.BrowserTests;

/// <summary>A subscriber on a phone or a desktop: reports, follows, confirms, reopens and cancels, without an account.</summary>
public partial class PortalTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task PortalHome_ShowsChannelsWithHours_HasNoViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/portal");

        await Expect(page.Heading()).ToHaveTextAsync("Hola, ¿en qué te ayudamos?");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "492-47-81-000" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Lunes a sábado de 7:00 a 22:00", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.Locator(".top")).ToHaveCountAsync(0);
        await page.SaveScreenshotsAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task PortalReport_FilledOnAPhone_ShowsTheFolioOnAPrintableReceipt()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(Looks.Phone.Width, Looks.Phone.Height);
        await page.GotoAsync("/portal/reportar");
        await page.SaveScreenshotsAsync("PortalReport_EmptyForm");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar reporte" }).ClickAsync();
        await Expect(page.Alert()).ToContainTextAsync("Elige qué quieres reportar");
        await page.SaveScreenshotsAsync("PortalReport_WithErrors");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Falla del servicio").CheckAsync();
        await page.GetByLabel("Nombre completo").FillAsync("Ana Ruiz Campos");
        await page.GetByLabel("Teléfono o WhatsApp").FillAsync("492 478 1000");
        await page.GetByLabel("Domicilio del servicio").FillAsync("Av. Hidalgo 12, Centro, Zacatecas");
        await page.GetByLabel("Describe lo que pasa").FillAsync("Sin internet desde anoche; el módem parpadea en rojo.");
        await page.GetByLabel("Fotos o documentos").SetInputFilesAsync(new FilePayload { Name = "modem.png", MimeType = "image/png", Buffer = Png });
        await page.GetByLabel("Leí el aviso de privacidad", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar reporte" }).ClickAsync();

        var folio = page.Locator(".folio-box .folio");
        await Expect(folio).ToHaveTextAsync(FolioPattern());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imprimir o guardar como PDF" })).ToBeVisibleAsync();
        var number = await folio.TextContentAsync();
        var files = await browser.WithDbAsync(db => db.Attachments.AsNoTracking().CountAsync(a => db.Tickets.Any(t => t.Id == a.TicketId && t.Folio == number)));
        Assert.Equal(1, files);
        await page.SaveScreenshotsAsync("PortalReport_Receipt");
        await page.AssertAccessibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".portal-top")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Looks.ScreenshotFolder, "PortalReport_Receipt-print.png"), FullPage = true });
    }

    [Fact]
    public async Task PortalFollow_WrongProofThenRightProof_OpensTheFolioAndTakesAMessage()
    {
        var folio = await browser.CreateTicketAsync("Internet intermitente", channel: "web", name: "Mario López", phone: "493 777 1290", email: "mario.lopez@correo.mx");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/portal/folio");

        await page.GetByLabel("Folio", new() { Exact = true }).First.FillAsync(folio);
        await page.GetByLabel("Teléfono, correo o código").FillAsync("otra.persona@correo.mx");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abrir mi folio" }).ClickAsync();
        await Expect(page.Alert()).ToContainTextAsync("No pudimos abrir el folio con esos datos");
        await page.SaveScreenshotsAsync("PortalFollow_WrongProof");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Teléfono, correo o código").FillAsync("(493) 777-1290");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abrir mi folio" }).ClickAsync();
        await Expect(page.Locator("h1 .folio")).ToHaveTextAsync(folio);
        await Expect(page.Locator("#estado")).ToContainTextAsync("Recibido");
        await Expect(page.Locator("#conversacion")).ToHaveCountAsync(0);
        await UnlockAsync(page, folio);

        await page.GetByLabel("Tu mensaje").FillAsync("Se corta cada 10 minutos, sobre todo en la noche.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar mensaje" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Recibimos tu mensaje");
        await Expect(page.Locator(".conversation")).ToContainTextAsync("Se corta cada 10 minutos");
        await page.SaveScreenshotsAsync("PortalFollow_Opened");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task PortalClosure_ConfirmAndRateOne_ReopenAnother()
    {
        var fixedOne = await NotifiedFolioAsync("Sin señal en la tele");
        var brokenOne = await NotifiedFolioAsync("Sin internet en la tarde");

        var page = await OpenAsync(fixedOne);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "¿Quedó resuelto?" })).ToBeVisibleAsync();
        await Expect(page.Locator(".conversation .c-notification_queued")).ToContainTextAsync("Causa: Cable dañado en el poste");
        await page.SaveScreenshotsAsync("PortalClosure_Notified");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sí, ya quedó" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cerramos tu folio");
        await page.GetByLabel("4", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Comentario").FillAsync("Vinieron rápido.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar calificación" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Gracias por tu calificación");
        await page.SaveScreenshotsAsync("PortalClosure_Confirmed");
        await page.AssertAccessibleAsync();

        var other = await OpenAsync(brokenOne);
        await other.GetByLabel("No, sigue el problema. ¿Qué pasa?").FillAsync("Sigue sin funcionar después de las 6.");
        await other.GetByRole(AriaRole.Button, new() { Name = "No quedó: reabrir mi reporte" }).ClickAsync();
        await Expect(other.Locator("#estado")).ToContainTextAsync("Reabierto");

        var closed = await browser.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Folio == fixedOne));
        var reopened = await browser.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Folio == brokenOne));
        Assert.Equal((TicketStatus.Closed, SubscriberConfirmation.Confirmed, 4), (closed.Status, closed.Confirmation!.Value, closed.Rating!.Value));
        Assert.Equal(TicketStatus.Reopened, reopened.Status);
    }

    [Fact]
    public async Task PortalCancel_WithTheContractsEmail_GivesACancellationFolio()
    {
        await browser.CreateSubscriberAsync("ZAC-31877", "Teresa Navarro Gil", "492 100 2233", "teresa.navarro@correo.mx");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/portal/cancelar");
        await page.SaveScreenshotsAsync("PortalCancel_Form");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Número de contrato").FillAsync("ZAC-31877");
        await page.GetByLabel("Teléfono o correo registrado en tu contrato").FillAsync("Teresa.Navarro@correo.mx");
        await page.GetByLabel("¿Por qué cancelas?").FillAsync("Me cambio de ciudad.");
        await page.GetByLabel("Leí el aviso de privacidad", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Solicitar la cancelación" }).ClickAsync();

        await Expect(page.Heading()).ToHaveTextAsync("Recibimos tu cancelación");
        var number = await page.Locator(".folio-box .folio").TextContentAsync();
        var ticket = await browser.WithDbAsync(db => db.Tickets.AsNoTracking().Include(t => t.Area).SingleAsync(t => t.Folio == number));
        Assert.Equal((TicketKind.Cancellation, "cancelaciones"), (ticket.Kind, ticket.Area!.Code));
        await page.SaveScreenshotsAsync("PortalCancel_Receipt");
    }

    [Fact]
    public async Task PortalFollow_TooManyTriesOnOneFolio_ShowsTheLimitInSpanish()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/portal/folio");
        IResponse? last = null;
        for (var i = 0; i < 11; i++)
        {
            await page.GetByLabel("Folio", new() { Exact = true }).First.FillAsync("NM-2026-444444");
            await page.GetByLabel("Teléfono, correo o código").FillAsync($"intento{i}@correo.mx");
            last = await page.RunAndWaitForResponseAsync(() =>
                page.GetByRole(AriaRole.Button, new() { Name = "Abrir mi folio" }).ClickAsync(),
                r => r.Request.Method == "POST" && r.Url.EndsWith("/portal/folio", StringComparison.Ordinal));
        }

        Assert.Equal(429, last!.Status);
        await Expect(page.Alert()).ToContainTextAsync("demasiados intentos");
        await page.SaveScreenshotsAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task PortalPrivacyPages_NoticeAndArcoRequest_HaveNoViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/portal/privacidad");
        await Expect(page.Heading()).ToHaveTextAsync("Aviso de privacidad simplificado");
        await page.SaveScreenshotsAsync("PortalPrivacy_Notice");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/portal/derechos-arco");
        await page.GetByLabel("Acceso", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Nombre completo del titular").FillAsync("Luis Ortega");
        await page.GetByLabel("Correo electrónico").FillAsync("luis.ortega@correo.mx");
        await page.GetByLabel("¿Qué datos y qué nos pides?").FillAsync("Quiero saber qué datos míos tienen.");
        await page.SaveScreenshotsAsync("PortalPrivacy_ArcoForm");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Leí el aviso de privacidad", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar solicitud" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("Recibimos tu solicitud sobre datos personales");
    }

    [Fact]
    public async Task PortalNotFound_UnknownAddress_StaysInThePortalsFrame()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync("/portal/no-existe");

        Assert.Equal(404, response!.Status);
        await Expect(page.Heading()).ToHaveTextAsync("No encontramos esa página");
        await Expect(page.Locator(".portal-top")).ToBeVisibleAsync();
        await page.SaveScreenshotsAsync();
        await page.AssertAccessibleAsync();
    }

    private async Task<string> NotifiedFolioAsync(string subject)
    {
        var folio = await browser.CreateTicketAsync(subject, channel: "web", name: "Carmen Díaz", phone: "492 555 0101", email: "carmen.diaz@correo.mx");
        using var api = browser.Api();
        await api.PostOkAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" });
        await api.PostOkAsync($"/api/v1/tickets/{folio}/resolution", new { cause = "Cable dañado en el poste", correction = "Se cambió el cable", upheld = true });
        await api.PostOkAsync($"/api/v1/tickets/{folio}/notice", new { });
        return folio;
    }

    private async Task<IPage> OpenAsync(string folio)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/portal/folio");
        await page.GetByLabel("Folio", new() { Exact = true }).First.FillAsync(folio);
        await page.GetByLabel("Teléfono, correo o código").FillAsync("carmen.diaz@correo.mx");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abrir mi folio" }).ClickAsync();
        await Expect(page.Locator("h1 .folio")).ToHaveTextAsync(folio);
        await UnlockAsync(page, folio);
        return page;
    }

    /// <summary>On a folio opened by phone or email, asks for the one-time code and types it, as its subscriber would.</summary>
    private async Task UnlockAsync(IPage page, string folio)
    {
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Enviarme un código") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Te enviamos un código a tu correo");
        var body = await browser.WithDbAsync(db => db.Outbox.AsNoTracking()
            .Where(m => m.Event == "access_code" && m.State == Ventanilla.Messaging.OutboxState.Pending && db.Tickets.Any(t => t.Id == m.TicketId && t.Folio == folio))
            .OrderByDescending(m => m.Id).Select(m => m.Body).FirstAsync());
        await page.GetByLabel("Código de 6 dígitos").FillAsync(AccessCode().Match(body).Groups[1].Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver el detalle" }).ClickAsync();
        await Expect(page.Locator("#conversacion")).ToBeVisibleAsync();
    }

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [GeneratedRegex(@"en el portal es (\d{6})\.")]
    private static partial Regex AccessCode();

    [GeneratedRegex(@"^[A-Z]{1,8}-\d{4}-\d{6}$")]
    private static partial Regex FolioPattern();
}
