using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Channels.Email;
using Ventanilla.Channels.Email.Pages;
using Ventanilla.Channels.WhatsApp;
using Ventanilla.Data;
using Ventanilla.IntegrationTests.WhatsApp;

namespace Ventanilla.IntegrationTests;

/// <summary>A saved password or token goes only to the host it was typed for: a new host asks for it again.</summary>
public class SecretsFollowHostTests
{
    [Theory]
    [InlineData("Input.ImapHost", "imap.otro-servidor.mx", "imapPassword")]
    [InlineData("Input.ImapPort", "994", "imapPassword")]
    [InlineData("Input.SmtpHost", "smtp.otro-servidor.mx", "smtpPassword")]
    [InlineData("Input.SmtpPort", "2525", "smtpPassword")]
    public async Task Changing_a_mail_server_without_its_password_is_refused_and_keeps_the_saved_server_and_password(string field, string value, string passwordField)
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, TestSmtpServer.Settings(TestSmtpServer.FreePort()));
        using var admin = await ConsoleClient.SignInAsync(app);
        var before = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().SingleAsync());
        var fields = Fields(before);
        fields[field] = value;

        var page = await admin.PostFormForPageAsync($"/admin/correo/{before.Id}", "buzon", fields);

        Assert.Contains(MailboxForm.HostChanged, page, StringComparison.Ordinal);
        Assert.Contains($"id=\"{passwordField}-problema\"", page, StringComparison.Ordinal);
        var after = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().SingleAsync());
        Assert.Equal((before.Imap, before.Smtp), (after.Imap, after.Smtp));
    }

    [Fact]
    public async Task Changing_a_mail_server_with_its_password_typed_again_saves_both()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, TestSmtpServer.Settings(TestSmtpServer.FreePort()));
        using var admin = await ConsoleClient.SignInAsync(app);
        var before = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().SingleAsync());
        var fields = Fields(before);
        fields["Input.SmtpHost"] = "smtp.otro-servidor.mx";
        fields["Input.SmtpPassword"] = "Clave-Del-Otro-Servidor-3";

        var response = await admin.PostFormAsync($"/admin/correo/{before.Id}", "buzon", fields);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var after = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().SingleAsync());
        Assert.Equal("smtp.otro-servidor.mx", after.Smtp.Host);
        Assert.Equal("Clave-Del-Otro-Servidor-3", app.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Ventanilla.Email.MailboxPasswords").Unprotect(after.Smtp.ProtectedPassword));
    }

    [Fact]
    public async Task Changing_the_Graph_address_without_the_token_is_refused_and_keeps_the_saved_token()
    {
        await using var kit = await WhatsAppKit.StartAsync(DatabaseKind.Sqlite);
        using var admin = await ConsoleClient.SignInAsync(kit.App);
        var before = await kit.DbAsync(db => db.WhatsAppSettings.AsNoTracking().SingleAsync());

        var page = await admin.PostFormForPageAsync("/admin/whatsapp", "whatsapp", WhatsAppFields("https://graph.otro-servidor.mx", token: ""));

        Assert.Contains(GraphHost.TokenAgain, page, StringComparison.Ordinal);
        var after = await kit.DbAsync(db => db.WhatsAppSettings.AsNoTracking().SingleAsync());
        Assert.Equal((before.GraphApiBaseUrl, before.ProtectedAccessToken), (after.GraphApiBaseUrl, after.ProtectedAccessToken));
        Assert.Equal(kit.Graph.BaseUrl, kit.App.Services.GetRequiredService<WhatsAppDirectory>().Current.GraphApiBaseUrl);
    }

    [Fact]
    public async Task Changing_the_Graph_address_with_the_token_typed_again_saves_both()
    {
        await using var kit = await WhatsAppKit.StartAsync(DatabaseKind.Sqlite);
        using var admin = await ConsoleClient.SignInAsync(kit.App);

        var response = await admin.PostFormAsync("/admin/whatsapp", "whatsapp", WhatsAppFields("https://graph.otro-servidor.mx", token: "EAAotrotoken"));

        Assert.Equal("/admin/whatsapp?aviso=guardado", ConsoleClient.Location(response));
        var account = kit.App.Services.GetRequiredService<WhatsAppDirectory>().Current;
        Assert.Equal(("https://graph.otro-servidor.mx", "EAAotrotoken"), (account.GraphApiBaseUrl, account.AccessToken));
    }

    [Theory]
    [InlineData("http://graph.facebook.com")]
    [InlineData("http://10.0.0.5:8080")]
    public async Task A_plain_http_Graph_address_off_this_machine_is_refused(string address)
    {
        await using var kit = await WhatsAppKit.StartAsync(DatabaseKind.Sqlite);
        using var admin = await ConsoleClient.SignInAsync(kit.App);

        var page = await admin.PostFormForPageAsync("/admin/whatsapp", "whatsapp", WhatsAppFields(address, token: "EAAotrotoken"));

        Assert.Contains(GraphHost.PlainHttp, page, StringComparison.Ordinal);
        Assert.Equal(kit.Graph.BaseUrl, (await kit.DbAsync(db => db.WhatsAppSettings.AsNoTracking().SingleAsync())).GraphApiBaseUrl);
    }

    [Theory]
    [InlineData("http://localhost:8080")]
    [InlineData("http://127.0.0.2:8080")]
    [InlineData("http://[::1]:8080")]
    public async Task A_plain_http_Graph_address_on_loopback_is_accepted(string address)
    {
        await using var kit = await WhatsAppKit.StartAsync(DatabaseKind.Sqlite);
        using var admin = await ConsoleClient.SignInAsync(kit.App);

        var response = await admin.PostFormAsync("/admin/whatsapp", "whatsapp", WhatsAppFields(address, token: "EAAotrotoken"));

        Assert.Equal("/admin/whatsapp?aviso=guardado", ConsoleClient.Location(response));
    }

    private static Dictionary<string, string> WhatsAppFields(string graph, string token) => new()
    {
        ["Input.PhoneNumberId"] = GraphApiServer.PhoneNumberId,
        ["Input.AccessToken"] = token,
        ["Input.AppSecret"] = "",
        ["Input.VerifyToken"] = WhatsAppKit.VerifyToken,
        ["Input.GraphApiBaseUrl"] = graph,
        ["Input.ApiVersion"] = GraphApiServer.Version,
        ["Input.Templates"] = "",
    };

    private static Dictionary<string, string> Fields(Mailbox row) => new()
    {
        ["Input.ImapHost"] = row.Imap.Host,
        ["Input.ImapPort"] = row.Imap.Port.ToString(CultureInfo.InvariantCulture),
        ["Input.ImapSecurity"] = "none",
        ["Input.ImapUsername"] = row.Imap.Username,
        ["Input.ImapPassword"] = "",
        ["Input.SmtpHost"] = row.Smtp.Host,
        ["Input.SmtpPort"] = row.Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Input.SmtpSecurity"] = "none",
        ["Input.SmtpUsername"] = row.Smtp.Username,
        ["Input.SmtpPassword"] = "",
        ["Input.PollSeconds"] = "30",
        ["Input.Enabled"] = "true",
    };
}
