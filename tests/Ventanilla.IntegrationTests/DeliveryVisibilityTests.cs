using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Messaging.Outbox;
using Ventanilla.Staff;

namespace Ventanilla.IntegrationTests;

/// <summary>Every outgoing message says how far it got, and what waits with no channel to carry it is visible and can be retried or cancelled.</summary>
public class DeliveryVisibilityTests
{
    [Fact]
    public async Task With_no_mailbox_connected_the_receipt_and_the_reply_form_say_the_message_waits_for_the_channel()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        var folio = await CreateAsync(app, "email");
        using var admin = await ConsoleClient.SignInAsync(app);

        var page = await admin.GetPageAsync($"/folios/{folio}");

        Assert.Contains("(juan@example.mx): pendiente de envío: el canal de correo no está conectado", page, StringComparison.Ordinal);
        Assert.Contains("Quedará pendiente para juan@example.mx: el canal de correo electrónico no está conectado.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Se enviará por", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_receipt_and_a_withheld_reply_show_their_state_and_reason_on_the_timeline()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, TestSmtpServer.Settings(TestSmtpServer.FreePort()));
        var folio = await CreateAsync(app, "email");
        using var admin = await ConsoleClient.SignInAsync(app);
        await admin.PostFormAsync($"/folios/{folio}", "respuesta", new() { ["Input.Body"] = "Mañana te visita un técnico." });
        await ChangeAsync(app, OutboxKind.Receipt, m => m.GiveUp("550 el buzón no existe", app.Now));
        await ChangeAsync(app, OutboxKind.Reply, m => m.Withhold("la dirección rebotó antes", app.Now));

        var page = await admin.GetPageAsync($"/folios/{folio}");

        Assert.Contains("(juan@example.mx): fallido: 550 el buzón no existe", page, StringComparison.Ordinal);
        Assert.Contains("(juan@example.mx): retenido: la dirección rebotó antes", page, StringComparison.Ordinal);
        Assert.DoesNotContain("no está conectado", page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Retrying_a_failed_message_queues_it_anew_and_cancelling_one_is_written_on_its_ticket_with_who_did_it(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        await CreateAsync(app, "email");
        var second = await CreateAsync(app, "email");
        var ids = await app.WithDbAsync(db => db.Outbox.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        await ChangeAsync(app, ids[0], m => m.GiveUp("550 el buzón no existe", app.Now));
        using var admin = await ConsoleClient.SignInAsync(app);
        var listed = await admin.GetPageAsync("/admin/salida");

        var retried = await admin.PostFormAsync("/admin/salida", "salida", new() { ["Choice.Retry"] = $"{ids[0]}" });
        var cancelled = await admin.PostFormAsync("/admin/salida", "salida", new() { ["Choice.Cancel"] = $"{ids[1]}" });

        Assert.Contains("fallido: 550 el buzón no existe", listed, StringComparison.Ordinal);
        Assert.Equal("/admin/salida?aviso=reintento", ConsoleClient.Location(retried));
        Assert.Equal("/admin/salida?aviso=cancelado", ConsoleClient.Location(cancelled));
        var rows = await app.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        Assert.Equal((OutboxState.Pending, 0, null), (rows[0].State, rows[0].Attempts, rows[0].LastError));
        Assert.True(rows[0].NextAttemptAt <= app.Now, "a retried message is due at once");
        Assert.Equal(OutboxState.Cancelled, rows[1].State);
        var note = await app.WithDbAsync(db => db.Tickets.Where(t => t.Folio == second).SelectMany(t => t.Timeline).OrderBy(e => e.Id).LastAsync());
        Assert.Equal(("Administrador", true), (note.ActorName, note.Body!.StartsWith("Envío cancelado: acuse de recibo por correo electrónico a juan@example.mx", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Retrying_a_pending_message_or_cancelling_a_sent_one_is_refused_in_Spanish()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        await CreateAsync(app, "email");
        var id = await app.WithDbAsync(db => db.Outbox.Select(m => m.Id).SingleAsync());
        using var admin = await ConsoleClient.SignInAsync(app);

        var retry = await admin.PostFormForPageAsync("/admin/salida", "salida", new() { ["Choice.Retry"] = $"{id}" });
        await ChangeAsync(app, id, m => m.MarkSent(null, app.Now));
        var cancel = await admin.PostFormForPageAsync("/admin/salida", "salida", new() { ["Choice.Cancel"] = $"{id}" });

        Assert.Contains(OutboxMessage.NotRetryable, retry, StringComparison.Ordinal);
        Assert.Contains(OutboxMessage.NotCancellable, cancel, StringComparison.Ordinal);
        Assert.Equal(OutboxState.Sent, await app.WithDbAsync(db => db.Outbox.Select(m => m.State).SingleAsync()));
    }

    [Fact]
    public async Task The_outbox_page_opens_for_a_supervisor_and_not_for_an_agent()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        await CreateUserAsync(app, "agente@example.mx", Roles.Agent);
        await CreateUserAsync(app, "supervisora@example.mx", Roles.Supervisor);
        using var agent = await ConsoleClient.SignInAsync(app, "agente@example.mx", Password);
        using var supervisor = await ConsoleClient.SignInAsync(app, "supervisora@example.mx", Password);

        var refused = await agent.Http.GetAsync("/admin/salida");
        var page = await supervisor.GetPageAsync("/admin/salida");

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Mensajes por enviar", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_console_page_warns_while_email_waits_with_no_mailbox_and_links_the_outbox_only_for_those_who_may_open_it()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        await CreateAsync(app, "email");
        await CreateUserAsync(app, "agente@example.mx", Roles.Agent);
        using var admin = await ConsoleClient.SignInAsync(app);
        using var agent = await ConsoleClient.SignInAsync(app, "agente@example.mx", Password);

        var adminHome = await admin.GetPageAsync("/");
        var agentHome = await agent.GetPageAsync("/");

        const string Warning = "Hay mensajes pendientes por correo electrónico, pero ese canal no está conectado";
        Assert.Contains(Warning, adminHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/salida\"", adminHome, StringComparison.Ordinal);
        Assert.Contains(Warning, agentHome, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/salida\"", agentHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_warning_is_shown_when_a_mailbox_can_send_what_waits()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, TestSmtpServer.Settings(TestSmtpServer.FreePort()));
        await CreateAsync(app, "email");
        using var admin = await ConsoleClient.SignInAsync(app);

        var home = await admin.GetPageAsync("/");

        Assert.DoesNotContain("pero ese canal no está conectado", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_phone_desk_is_told_no_written_receipt_will_arrive_when_its_only_channel_is_not_connected()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        var reach = await app.WithDbAsync(db => app.Services.GetRequiredService<ChannelStatus>().ReachAsync(db, CancellationToken.None));

        Assert.Equal(Ventanilla.Channels.Phone.WrittenReceipt.NotConnected,
            Ventanilla.Channels.Phone.WrittenReceipt.Warning([(Ventanilla.Tickets.ContactChannel.Email, "rosa@example.mx")], reach));
        Assert.Equal(Ventanilla.Channels.Phone.WrittenReceipt.NoAddress, Ventanilla.Channels.Phone.WrittenReceipt.Warning([], reach));
    }

    [Fact]
    public async Task The_phone_desk_is_not_warned_when_a_connected_mailbox_carries_the_receipt()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, TestSmtpServer.Settings(TestSmtpServer.FreePort()));
        var reach = await app.WithDbAsync(db => app.Services.GetRequiredService<ChannelStatus>().ReachAsync(db, CancellationToken.None));

        Assert.Null(Ventanilla.Channels.Phone.WrittenReceipt.Warning(
            [(Ventanilla.Tickets.ContactChannel.Whatsapp, "+524921234567"), (Ventanilla.Tickets.ContactChannel.Email, "rosa@example.mx")], reach));
    }

    private const string Password = "Persona-Password-1";

    private static async Task<string> CreateAsync(VentanillaApp app, string channel)
    {
        var report = Json.Fault();
        report["channel"] = channel;
        var (status, body, _) = await app.Api().PostAsync("/api/v1/tickets", report);
        Assert.Equal(HttpStatusCode.Created, status);
        return body.Str("folio");
    }

    private static Task<int> ChangeAsync(VentanillaApp app, OutboxKind kind, Action<OutboxMessage> change) =>
        app.WithDbAsync(async db =>
        {
            change(await db.Outbox.OrderBy(m => m.Id).LastAsync(m => m.Kind == kind));
            return await db.SaveChangesAsync();
        });

    private static Task<int> ChangeAsync(VentanillaApp app, long id, Action<OutboxMessage> change) =>
        app.WithDbAsync(async db =>
        {
            change(await db.Outbox.SingleAsync(m => m.Id == id));
            return await db.SaveChangesAsync();
        });

    private static async Task CreateUserAsync(VentanillaApp app, string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Persona de prueba" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }
}
