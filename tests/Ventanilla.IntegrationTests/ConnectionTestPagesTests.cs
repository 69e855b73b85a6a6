using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.IntegrationTests.WhatsApp;

namespace Ventanilla.IntegrationTests;

/// <summary>"Probar conexión" signs in to the real servers with the saved secrets and says in Spanish what failed.</summary>
[Collection(DovecotMailboxes.Name)]
public class ConnectionTestPagesTests
{
    [Fact]
    public async Task A_mailbox_test_signs_in_to_IMAP_and_SMTP_and_names_the_server_that_refuses_the_password()
    {
        var mail = await TestMailServer.MailboxAsync("contacto@netmas.mx");
        await using var smtp = TestSmtpServer.Start();
        var settings = new Dictionary<string, string?>(mail.Settings());
        foreach (var (key, value) in TestSmtpServer.Settings(smtp.Port).Where(s => s.Key.Contains(":Smtp:", StringComparison.Ordinal)))
        {
            settings[key] = value;
        }

        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, settings);
        using var admin = await ConsoleClient.SignInAsync(app);
        var row = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().SingleAsync());

        var working = await admin.PostFormForPageAsync($"/admin/correo/{row.Id}", "probar", []);
        await admin.PostFormAsync($"/admin/correo/{row.Id}", "buzon", new()
        {
            ["Input.ImapHost"] = row.Imap.Host,
            ["Input.ImapPort"] = row.Imap.Port.ToString(CultureInfo.InvariantCulture),
            ["Input.ImapSecurity"] = "none",
            ["Input.ImapUsername"] = row.Imap.Username,
            ["Input.ImapPassword"] = "contraseña-equivocada",
            ["Input.SmtpHost"] = row.Smtp.Host,
            ["Input.SmtpPort"] = row.Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Input.SmtpSecurity"] = "none",
            ["Input.SmtpUsername"] = row.Smtp.Username,
            ["Input.SmtpPassword"] = "otra-equivocada",
            ["Input.PollSeconds"] = "30",
            ["Input.Enabled"] = "true",
        });
        var refused = await admin.PostFormForPageAsync($"/admin/correo/{row.Id}", "probar", []);

        Assert.Contains("IMAP: la conexión y el inicio de sesión funcionan.", working, StringComparison.Ordinal);
        Assert.Contains("SMTP: la conexión y el inicio de sesión funcionan.", working, StringComparison.Ordinal);
        Assert.Contains("El servidor IMAP rechazó el usuario o la contraseña.", refused, StringComparison.Ordinal);
        Assert.Contains("El servidor SMTP rechazó el usuario o la contraseña.", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mailbox_test_against_a_server_that_is_down_says_it_could_not_connect()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, TestSmtpServer.Settings(TestSmtpServer.FreePort()));
        using var admin = await ConsoleClient.SignInAsync(app);
        var id = await app.WithDbAsync(db => db.Mailboxes.Select(m => m.Id).SingleAsync());

        var page = await admin.PostFormForPageAsync($"/admin/correo/{id}", "probar", []);

        Assert.Contains("IMAP: no se pudo conectar con 127.0.0.1:1.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_WhatsApp_test_asks_the_Graph_API_for_the_number_and_says_when_the_token_is_refused()
    {
        await using var kit = await WhatsAppKit.StartAsync(DatabaseKind.Sqlite);
        using var admin = await ConsoleClient.SignInAsync(kit.App);

        var working = await admin.PostFormForPageAsync("/admin/whatsapp", "probar", []);
        await admin.PostFormAsync("/admin/whatsapp", "whatsapp", new()
        {
            ["Input.PhoneNumberId"] = GraphApiServer.PhoneNumberId,
            ["Input.AccessToken"] = "EAAtokenrevocado",
            ["Input.AppSecret"] = "",
            ["Input.VerifyToken"] = WhatsAppKit.VerifyToken,
            ["Input.GraphApiBaseUrl"] = kit.Graph.BaseUrl,
            ["Input.ApiVersion"] = GraphApiServer.Version,
            ["Input.Templates"] = "",
        });
        var refused = await admin.PostFormForPageAsync("/admin/whatsapp", "probar", []);

        Assert.Contains($"el número {GraphApiServer.DisplayNumber} está disponible", working, StringComparison.Ordinal);
        Assert.Contains("WhatsApp rechazó el token de acceso", refused, StringComparison.Ordinal);
    }
}
