using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Staff;
using Ventanilla.Tickets;
using Ventanilla.Visits;
using static Ventanilla.IntegrationTests.FollowUp.FollowUpFlow;

namespace Ventanilla.IntegrationTests.FollowUp;

/// <summary>The console pages of the follow-up, posted the way a browser without JavaScript would.</summary>
public class FollowUpPagesTests
{
    private static Dictionary<string, string> Template(string subject, string parameters = "folio,causa") => new()
    {
        ["Input.EmailSubject"] = subject,
        ["Input.EmailBody"] = "Folio {folio}: la causa fue {causa} y se hizo esto: {correccion}. Fue {procedente}.\n{canales}",
        ["Input.WhatsAppTemplate"] = "aviso_resolucion",
        ["Input.WhatsAppLanguage"] = "es_MX",
        ["Input.WhatsAppParameters"] = parameters,
        ["Input.PortalText"] = "Resolvimos tu folio {folio}.",
        ["Input.Intent"] = "guardar",
    };

    [Theory, BothDatabases]
    public async Task A_template_edited_in_admin_changes_the_next_notice(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);
        var client = app.Api();

        var saved = await admin.PostFormAsync("/admin/plantillas/resolved", "plantilla", Template("Listo tu folio {folio}"));
        var folio = await ResolvedFaultAsync(client);
        await client.PostAsync($"/api/v1/tickets/{folio}/notice", new { });

        Assert.Equal("/admin/plantillas/resolved?aviso=guardada", ConsoleClient.Location(saved));
        var message = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.Event == "resolved"));
        Assert.Equal($"Listo tu folio {folio}", message.Subject);
        Assert.StartsWith($"Folio {folio}: la causa fue Falla en fibra óptica", message.Body, StringComparison.Ordinal);
        Assert.Equal([folio, "Falla en fibra óptica (corte o daño en la red)"], message.TemplateValues());
    }

    [Fact]
    public async Task The_received_template_edited_in_admin_words_the_next_receipt_which_keeps_the_record_of_the_report()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        using var admin = await ConsoleClient.SignInAsync(app);

        var saved = await admin.PostFormAsync("/admin/plantillas/received", "plantilla", Template("Tu folio {folio} quedó registrado", "folio"));
        var folio = (await app.Api().PostAsync("/api/v1/tickets", Json.Fault("El módem no enciende."))).Body.Str("folio");

        Assert.Equal("/admin/plantillas/received?aviso=guardada", ConsoleClient.Location(saved));
        var receipts = await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == OutboxKind.Receipt).OrderBy(m => m.Channel).ToListAsync());
        var (email, whatsApp) = (receipts.Single(m => m.Channel == ContactChannel.Email), receipts.Single(m => m.Channel == ContactChannel.Whatsapp));
        Assert.Equal($"Tu folio {folio} quedó registrado", email.Subject);
        Assert.StartsWith($"Folio {folio}: la causa fue en revisión", email.Body, StringComparison.Ordinal);
        Assert.Contains("Lo que nos reportaste:\nEl módem no enciende.", email.Body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal([folio], whatsApp.TemplateValues());
    }

    [Fact]
    public async Task A_template_with_an_unknown_placeholder_is_refused_and_the_old_one_kept()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        using var admin = await ConsoleClient.SignInAsync(app);

        var page = await admin.PostFormForPageAsync("/admin/plantillas/resolved", "plantilla", Template("Folio {foilo}", "folio,fecha"));

        Assert.Contains("No existen estos datos: {foilo}", page, StringComparison.Ordinal);
        Assert.Contains("No existen estos datos: fecha", page, StringComparison.Ordinal);
        Assert.Equal("[Folio {folio}] Atendimos tu {tipo}: ¿quedó resuelto?",
            await app.WithDbAsync(db => db.NotificationTemplates.Where(t => t.Event == "resolved").Select(t => t.EmailSubject).SingleAsync()));
    }

    [Fact]
    public async Task The_template_preview_fills_the_placeholders_from_a_sample_folio()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        using var admin = await ConsoleClient.SignInAsync(app);

        var page = await admin.GetPageAsync("/admin/plantillas/visit_scheduled");

        Assert.Contains("Programamos una visita técnica a tu domicilio para atender tu folio NM-", page, StringComparison.Ordinal);
        Assert.Contains("martes 3 de marzo de 2026, de 8:00 a 14:00", page, StringComparison.Ordinal);
        Assert.DoesNotContain("{ventana}.", page.Split("vista-previa")[1], StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_timeline_shows_each_notice_with_its_delivery_state(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);
        var client = app.Api();
        var folio = await ResolvedFaultAsync(client);
        await client.PostAsync($"/api/v1/tickets/{folio}/notice", new { });

        var pending = await admin.GetPageAsync($"/folios/{folio}");
        await app.WithDbAsync(async db =>
        {
            var message = await db.Outbox.SingleAsync(m => m.Event == "resolved");
            message.MarkSent("<aviso@netmas.mx>", app.Now);
            return await db.SaveChangesAsync();
        });
        var sent = await admin.GetPageAsync($"/folios/{folio}");

        Assert.Contains("Aviso al suscriptor por correo electrónico:", pending, StringComparison.Ordinal);
        Assert.Contains("pendiente de envío", pending, StringComparison.Ordinal);
        Assert.Contains("): enviado</span>", sent, StringComparison.Ordinal);
        Assert.Contains("Listo para avisar al suscriptor", sent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_lead_schedules_a_visit_from_the_ticket_page_and_sees_it_on_the_technicians_day(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        await CreateUserAsync(app, "jefe@localhost", Roles.TechnicalLead, "Jefa Técnica");
        var technician = await CreateUserAsync(app, "tecnico@localhost", Roles.Technician, "Pedro Ruiz");
        using var lead = await ConsoleClient.SignInAsync(app, "jefe@localhost", Password);
        var folio = await NewFaultAsync(app.Api());

        var booked = await lead.PostFormAsync($"/folios/{folio}", "visita", new()
        {
            ["Input.Technician"] = technician, ["Input.Day"] = VisitDay, ["Input.Window"] = "afternoon",
        });
        var day = await lead.GetPageAsync($"/visitas?tecnico={technician}&dia={VisitDay}");
        var ticket = await lead.GetPageAsync($"/folios/{folio}");

        Assert.Equal($"/folios/{folio}?hecho=visita", ConsoleClient.Location(booked));
        Assert.Contains("14:00–20:00", day, StringComparison.Ordinal);
        Assert.Contains(folio, day, StringComparison.Ordinal);
        Assert.Contains("Pedro Ruiz", ticket, StringComparison.Ordinal);
        Assert.Contains("de 14:00 a 20:00", ticket, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_technician_records_the_result_from_their_day_and_the_restored_time_reaches_the_ticket(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var technician = await CreateUserAsync(app, "tecnico@localhost", Roles.Technician, "Pedro Ruiz");
        var client = app.Api();
        var folio = await NewFaultAsync(client);
        var id = (await BookAsync(client, folio, technician, "morning")).Body.GetProperty("id").GetInt64();
        using var phone = await ConsoleClient.SignInAsync(app, "tecnico@localhost", Password);

        var arrived = await phone.PostFormAsync($"/mi-dia?dia={VisitDay}", $"visita-{id}", new() { ["Report.Action"] = "arrived" });
        var done = await phone.PostFormAsync($"/mi-dia?dia={VisitDay}", $"visita-{id}", new()
        {
            ["Report.Action"] = "done", ["Report.Result"] = "Conector de fibra sucio; se limpió.", ["Report.Restored"] = "true",
        });

        Assert.Equal($"/mi-dia?dia={VisitDay}&hecho=arrived", ConsoleClient.Location(arrived));
        Assert.Equal($"/mi-dia?dia={VisitDay}&hecho=done", ConsoleClient.Location(done));
        var visit = await app.WithDbAsync(db => db.Visits.SingleAsync());
        Assert.Equal((VisitStatus.Done, "Conector de fibra sucio; se limpió."), (visit.Status, visit.Result));
        Assert.NotNull(visit.ArrivedAt);
        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync());
        Assert.Equal(visit.ServiceRestoredAt, ticket.ServiceRestoredAt);
        // The lead's resolution later, by API or page, keeps the time the technician reported.
        var resolved = await client.PostAsync($"/api/v1/tickets/{folio}/resolution", new { cause = "Conector sucio", correction = "Se limpió", upheld = true });
        Assert.Equal(HttpStatusCode.OK, resolved.Status);
        Assert.Equal(visit.ServiceRestoredAt, (await app.WithDbAsync(db => db.Tickets.SingleAsync())).ServiceRestoredAt);
    }

    [Fact]
    public async Task The_technicians_day_shows_the_location_the_subscriber_shared_with_a_map_link()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        var technician = await CreateUserAsync(app, "tecnico@localhost", Roles.Technician, "Pedro Ruiz");
        var client = app.Api();
        var folio = await NewFaultAsync(client);
        await app.WithDbAsync(async db =>
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Folio == folio);
            ticket.SetVisitLocation(22.7709, -102.5832, "Casa azul junto a la tienda, Guadalupe", new Actor("wa", "WhatsApp"), app.Now);
            return await db.SaveChangesAsync();
        });
        await BookAsync(client, folio, technician, "morning");
        using var phone = await ConsoleClient.SignInAsync(app, "tecnico@localhost", Password);

        var day = await phone.GetPageAsync($"/mi-dia?dia={VisitDay}");

        Assert.Contains("Ubicación compartida: Casa azul junto a la tienda, Guadalupe", day, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.openstreetmap.org/?mlat=22.7709&mlon=-102.5832", day, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Photos_sent_with_a_missed_visit_are_kept_on_the_ticket(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var technician = await CreateUserAsync(app, "tecnico@localhost", Roles.Technician, "Pedro Ruiz");
        var client = app.Api();
        var folio = await NewFaultAsync(client);
        var id = (await BookAsync(client, folio, technician, "morning")).Body.GetProperty("id").GetInt64();
        using var phone = await ConsoleClient.SignInAsync(app, "tecnico@localhost", Password);
        var url = $"/mi-dia?dia={VisitDay}";
        var html = await (await phone.Http.GetAsync(url)).Content.ReadAsStringAsync();
        var form = System.Text.RegularExpressions.Regex.Match(html, $"<form[^>]*>(?:(?!</form>).)*value=\"visita-{id}\"(?:(?!</form>).)*</form>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent($"visita-{id}"), "_handler" },
            { new StringContent("missed"), "Report.Action" },
            { new StringContent("Domicilio cerrado; se dejó aviso en la puerta."), "Report.Reason" },
            { new ByteArrayContent(png) { Headers = { ContentType = new("image/png") } }, "Report.Photos", "puerta.png" },
        };

        var answer = await phone.Http.PostAsync(url, body);

        Assert.Equal($"{url}&hecho=missed", ConsoleClient.Location(answer));
        var attachment = await app.WithDbAsync(db => db.Set<Ventanilla.Attachments.TicketAttachment>().SingleAsync());
        Assert.Equal(("puerta.png", true, ContactChannel.InPerson), (attachment.FileName, attachment.Kept, attachment.Channel));
        Assert.Equal(VisitStatus.Missed, await app.WithDbAsync(db => db.Visits.Select(v => v.Status).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task An_agent_sends_the_notice_and_records_the_answer_from_the_ticket_page(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);
        var folio = await ResolvedFaultAsync(app.Api());

        var notice = await admin.PostFormAsync($"/folios/{folio}", "aviso", []);
        var answer = await admin.PostFormAsync($"/folios/{folio}", "respuesta-suscriptor", new() { ["Input.Answer"] = "resuelto" });

        Assert.Equal($"/folios/{folio}?hecho=aviso", ConsoleClient.Location(notice));
        Assert.Equal($"/folios/{folio}?hecho=confirmado", ConsoleClient.Location(answer));
        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync());
        Assert.Equal((TicketStatus.Closed, SubscriberConfirmation.Confirmed), (ticket.Status, ticket.Confirmation));
        Assert.Equal(2, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Kind == OutboxKind.Notification)));
    }

    [Theory, BothDatabases]
    public async Task A_cause_added_in_admin_is_offered_in_the_resolution_form(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);
        var folio = await NewFaultAsync(app.Api());

        var added = await admin.PostFormAsync("/admin/causas", "crear-causa", new() { ["Create.Name"] = "Poste caído por accidente vial", ["Create.Attributable"] = "true" });
        var page = await admin.GetPageAsync($"/folios/{folio}");

        Assert.Equal("/admin/causas?aviso=creada", ConsoleClient.Location(added));
        Assert.Contains("<option value=\"Poste caído por accidente vial\">", page, StringComparison.Ordinal);
        Assert.Contains("Saturación de red en la zona", page, StringComparison.Ordinal);
    }
}
