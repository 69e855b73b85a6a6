using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Messaging;

namespace Ventanilla.IntegrationTests;

/// <summary>The mailbox pages of administration, through their server-rendered forms.</summary>
public class EmailAdminPagesTests
{
    private const string Secret = "Clave-Imap-Muy-Secreta-42";

    [Theory, BothDatabases]
    public async Task An_admin_adds_a_mailbox_whose_password_is_stored_protected_and_never_shown(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);

        var response = await admin.PostFormAsync("/admin/correo/nuevo", "buzon", new()
        {
            ["Input.Address"] = "Quejas@NetMas.mx",
            ["Input.ImapHost"] = "imap.netmas.mx",
            ["Input.ImapPort"] = "993",
            ["Input.ImapSecurity"] = "tls",
            ["Input.ImapUsername"] = "quejas@netmas.mx",
            ["Input.ImapPassword"] = Secret,
            ["Input.SmtpHost"] = "",
            ["Input.PollSeconds"] = "60",
            ["Input.AreaCode"] = "facturacion",
            ["Input.Enabled"] = "true",
        });

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var row = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().SingleAsync());
        Assert.Equal(("quejas@netmas.mx", "imap.netmas.mx", 60, "facturacion", true), (row.Address, row.Imap.Host, row.PollSeconds, row.AreaCode, row.Enabled));
        Assert.False(row.Smtp.IsConfigured);
        Assert.DoesNotContain(Secret, row.Imap.ProtectedPassword, StringComparison.Ordinal);
        Assert.Equal(Secret, Protector(app).Unprotect(row.Imap.ProtectedPassword));
        var list = await admin.GetPageAsync("/admin/correo");
        var edit = await admin.GetPageAsync($"/admin/correo/{row.Id}");
        Assert.Contains("quejas@netmas.mx", list, StringComparison.Ordinal);
        Assert.Contains("Hay una contraseña guardada", edit, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, list, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, edit, StringComparison.Ordinal);
        Assert.DoesNotContain(row.Imap.ProtectedPassword, edit, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Editing_a_mailbox_with_the_password_left_blank_keeps_the_stored_one(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, TestSmtpServer.Settings(TestSmtpServer.FreePort()));
        using var admin = await ConsoleClient.SignInAsync(app);
        var before = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().SingleAsync());

        var response = await admin.PostFormAsync($"/admin/correo/{before.Id}", "buzon", Fields(before, pollSeconds: "120", smtpPassword: ""));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var after = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().SingleAsync());
        Assert.Equal(120, after.PollSeconds);
        Assert.Equal(before.Imap.ProtectedPassword, after.Imap.ProtectedPassword);
        Assert.Equal(TestSmtpServer.Password, Protector(app).Unprotect(after.Smtp.ProtectedPassword));

        await admin.PostFormAsync($"/admin/correo/{before.Id}", "buzon", Fields(after, pollSeconds: "120", smtpPassword: "Nueva-Clave-Smtp-7"));

        var changed = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().SingleAsync());
        Assert.Equal("Nueva-Clave-Smtp-7", Protector(app).Unprotect(changed.Smtp.ProtectedPassword));
    }

    [Fact]
    public async Task A_mailbox_form_with_bad_values_answers_in_Spanish_and_changes_nothing()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        using var admin = await ConsoleClient.SignInAsync(app);

        var html = await admin.PostFormForPageAsync("/admin/correo/nuevo", "buzon", new()
        {
            ["Input.Address"] = "no es correo",
            ["Input.ImapHost"] = "imap.netmas.mx",
            ["Input.ImapPort"] = "99999",
            ["Input.ImapSecurity"] = "tls",
            ["Input.ImapUsername"] = "quejas",
            ["Input.ImapPassword"] = "",
            ["Input.PollSeconds"] = "0",
        });

        Assert.Contains("Escribe una dirección de correo válida", html, StringComparison.Ordinal);
        Assert.Contains("Escribe un puerto entre 1 y 65535.", html, StringComparison.Ordinal);
        Assert.Contains("Escribe la contraseña IMAP.", html, StringComparison.Ordinal);
        Assert.Contains("Escribe un número de segundos entre 1 y 86400.", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Mailboxes.CountAsync()));
    }

    private static Dictionary<string, string> Fields(Ventanilla.Channels.Email.Mailbox row, string pollSeconds, string smtpPassword) => new()
    {
        ["Input.ImapHost"] = row.Imap.Host,
        ["Input.ImapPort"] = row.Imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.ImapSecurity"] = "none",
        ["Input.ImapUsername"] = row.Imap.Username,
        ["Input.ImapPassword"] = "",
        ["Input.SmtpHost"] = row.Smtp.Host,
        ["Input.SmtpPort"] = row.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.SmtpSecurity"] = "none",
        ["Input.SmtpUsername"] = row.Smtp.Username,
        ["Input.SmtpPassword"] = smtpPassword,
        ["Input.PollSeconds"] = pollSeconds,
        ["Input.Enabled"] = "true",
    };

    private static IDataProtector Protector(VentanillaApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Ventanilla.Email.MailboxPasswords");
}

/// <summary>The review page for mail that could not become a folio: raw download and a second try.</summary>
[Collection(DovecotMailboxes.Name)]
public class FlaggedMailPageTests
{
    [Theory, BothDatabases]
    public async Task A_flagged_message_is_listed_downloadable_raw_and_after_reprocessing_becomes_a_ticket(DatabaseKind database)
    {
        var mail = await TestMailServer.MailboxAsync("contacto@netmas.mx");
        await using var app = await VentanillaApp.StartAsync(database, mail.Settings());
        byte[] garbage = [.. "\u0001\u0002 esto no es un correo\r\n"u8, 0xFF, 0xFE, .. "\r\n\r\nni tiene encabezados\r\n"u8];
        await mail.AppendRawAsync(garbage);
        await EmailMessages.PassAsync(app);
        await mail.AppendAsync(EmailMessages.From("ana.lopez@example.com", "Sin internet", "No tengo internet."));
        await EmailMessages.Poller(app).PollOnceAsync(CancellationToken.None);
        // As if the first attempt had failed (a database outage, a bug since fixed): kept and flagged.
        await app.WithDbAsync(db => db.Inbox.Where(m => m.State == InboundState.Pending).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, InboundState.Flagged).SetProperty(m => m.Error, "No se pudo procesar: la base de datos no respondió.")));
        var ids = await app.WithDbAsync(db => db.Inbox.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        using var admin = await ConsoleClient.SignInAsync(app);

        var page = await admin.GetPageAsync("/admin/correo/marcados");
        var raw = await admin.Http.GetAsync($"/admin/correo/mensajes/{ids[0]}/original");

        Assert.Contains("no tiene el formato de un correo", page, StringComparison.Ordinal);
        Assert.Contains("la base de datos no respondió", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("message/rfc822", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal(garbage, await raw.Content.ReadAsByteArrayAsync());

        var reprocess = await admin.PostFormAsync("/admin/correo/marcados", "reprocesar", new() { ["Choice.Id"] = $"{ids[1]}" });
        Assert.Equal(HttpStatusCode.Found, reprocess.StatusCode);
        await app.Services.GetRequiredService<Ventanilla.Channels.Email.InboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        var row = await app.WithDbAsync(db => db.Inbox.AsNoTracking().SingleAsync(m => m.Id == ids[1]));
        Assert.Equal(InboundState.Processed, row.State);
        Assert.Null(row.Error);
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(InboundState.Flagged, await app.WithDbAsync(db => db.Inbox.Where(m => m.Id == ids[0]).Select(m => m.State).SingleAsync()));
    }

    [Fact]
    public async Task A_flagged_WhatsApp_post_is_listed_beside_flagged_mail_and_downloads_as_json()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        var post = "{\"object\":\"whatsapp_business_account\",\"entry\":\"no es una lista\"}"u8.ToArray();
        var id = await app.WithDbAsync(async db =>
        {
            var row = InboundMessage.FromWhatsApp("1234567890", null, null, post, app.Now);
            row.Flag("El aviso de WhatsApp no tiene la forma esperada.", app.Now);
            db.Inbox.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        using var admin = await ConsoleClient.SignInAsync(app);

        var page = await admin.GetPageAsync("/admin/correo/marcados");
        var raw = await admin.Http.GetAsync($"/admin/correo/mensajes/{id}/original");

        Assert.Contains("El aviso de WhatsApp no tiene la forma esperada.", page, StringComparison.Ordinal);
        Assert.Contains(">WhatsApp</td>", page, StringComparison.Ordinal);
        Assert.Equal("application/json", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal(post, await raw.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Reprocessing_a_message_twice_or_one_that_is_gone_answers_with_the_Spanish_reason()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        var id = await app.WithDbAsync(async db =>
        {
            var row = InboundMessage.FromWhatsApp("1234567890", null, null, "{}"u8.ToArray(), app.Now);
            row.Flag("El aviso de WhatsApp no tiene la forma esperada.", app.Now);
            db.Inbox.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        using var admin = await ConsoleClient.SignInAsync(app);
        using var other = await ConsoleClient.SignInAsync(app);

        var first = await admin.PostFormAsync("/admin/correo/marcados", "reprocesar", new() { ["Choice.Id"] = $"{id}" });
        var again = await other.PostFormForPageAsync("/admin/correo/marcados", "reprocesar", new() { ["Choice.Id"] = $"{id}" });
        var gone = await other.PostFormForPageAsync("/admin/correo/marcados", "reprocesar", new() { ["Choice.Id"] = $"{id + 1000}" });

        Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        Assert.Contains(InboundMessage.NotFlagged, again, StringComparison.Ordinal);
        Assert.DoesNotContain("El mensaje volvió a la cola", again, StringComparison.Ordinal);
        Assert.Contains(InboundMessage.NotFlagged, gone, StringComparison.Ordinal);
        Assert.Equal(InboundState.Pending, await app.WithDbAsync(db => db.Inbox.Where(m => m.Id == id).Select(m => m.State).SingleAsync()));
    }

    [Fact]
    public async Task An_agent_cannot_download_a_stored_email()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        await app.WithDbAsync(db =>
        {
            db.Inbox.Add(InboundMessage.FromImap("contacto@netmas.mx", 1, 1, null, "Subject: hola\r\n\r\nprivado\r\n"u8.ToArray(), app.Now));
            return db.SaveChangesAsync();
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Ventanilla.Staff.StaffUser>>();
            var user = new Ventanilla.Staff.StaffUser { UserName = "agente@localhost", Email = "agente@localhost", DisplayName = "Agente" };
            Assert.True((await users.CreateAsync(user, "Agente-Password-1")).Succeeded);
            await users.AddToRoleAsync(user, Ventanilla.Staff.Roles.Agent);
        }

        using var agent = await ConsoleClient.SignInAsync(app, "agente@localhost", "Agente-Password-1");
        var response = await agent.Http.GetAsync("/admin/correo/mensajes/1/original");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
