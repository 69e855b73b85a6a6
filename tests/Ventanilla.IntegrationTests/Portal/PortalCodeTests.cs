using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ventanilla.Channels.Email;
using Ventanilla.Channels.Portal;
using Ventanilla.Data;
using Ventanilla.Messaging;

namespace Ventanilla.IntegrationTests.Portal;

/// <summary>The one-time code that opens the whole folio: where it goes, and what of it stays at rest.</summary>
public partial class PortalCodeTests
{
    private const string MaskedEmail = "tu correo a••••••@example.mx";

    [Theory, BothDatabases]
    public async Task A_code_asked_for_on_a_folio_opened_by_phone_says_where_it_went_and_opens_the_rest(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, MailConnected());
        using var browser = PortalSteps.Browser(app);
        var folio = await OpenedByPhoneAsync(app, browser);
        Assert.Contains(MaskedEmail, await browser.GetPageAsync("/portal/mi-folio"), StringComparison.Ordinal);

        var sent = await browser.PostFormForPageAsync("/portal/mi-folio", "codigo", []);

        Assert.Contains($"Te enviamos un código a {MaskedEmail}. Vence en 10 minutos.", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("tu WhatsApp", sent, StringComparison.Ordinal);
        var opened = await browser.PostFormAsync("/portal/mi-folio", "detalle", new() { ["Detail.Proof"] = await PendingCodeAsync(app) });
        Assert.Equal(HttpStatusCode.Found, opened.StatusCode);
        var page = await browser.GetPageAsync("/portal/mi-folio");
        Assert.Contains("Sin internet desde anoche", page, StringComparison.Ordinal);
        Assert.Contains("Escríbenos", page, StringComparison.Ordinal);
        Assert.Contains(folio, page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_wrong_code_on_a_folio_opened_by_phone_opens_nothing_more(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, MailConnected());
        using var browser = PortalSteps.Browser(app);
        await OpenedByPhoneAsync(app, browser);
        await browser.PostFormForPageAsync("/portal/mi-folio", "codigo", []);
        var code = await PendingCodeAsync(app);

        var page = await browser.PostFormForPageAsync("/portal/mi-folio", "detalle", new() { ["Detail.Proof"] = code == "000000" ? "111111" : "000000" });

        Assert.Contains("El código no es correcto o ya venció", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sin internet desde anoche", page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_folio_no_connected_channel_can_reach_says_it_cannot_send_a_code_and_queues_none(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);
        var folio = await OpenedByPhoneAsync(app, browser);

        var page = await browser.GetPageAsync("/portal/mi-folio");
        await browser.PostFormAsync("/portal/folio", "codigo", new() { ["CodeRequest.Folio"] = folio });

        Assert.Contains("No podemos enviarte un código", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Enviarme un código", page, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Event == OutboxMessage.OneTimeCodeEvent)));
        Assert.False(await app.WithDbAsync(db => db.PortalAccessCodes.AnyAsync()));
    }

    [Theory, BothDatabases]
    public async Task After_the_code_is_sent_no_column_of_the_outbox_holds_it_and_the_stored_hash_still_verifies(DatabaseKind database)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await PortalSteps.StartAsync(database, TestSmtpServer.Settings(smtp.Port));
        using var browser = PortalSteps.Browser(app);
        await OpenedByPhoneAsync(app, browser);
        await browser.PostFormForPageAsync("/portal/mi-folio", "codigo", []);

        await app.Services.GetRequiredService<OutboxMailSender>().SendDueAsync(CancellationToken.None);

        var mail = Assert.Single(smtp.Received, m => m.Subject?.Contains("Tu código de acceso", StringComparison.Ordinal) == true);
        var code = CodeIn(mail.TextBody ?? "");
        var columns = await OutboxTextAsync(app);
        Assert.Contains(OutboxMessage.Mask, columns, StringComparison.Ordinal);
        Assert.DoesNotContain(code, columns, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.PortalAccessCodes.AsNoTracking().SingleAsync());
        Assert.True(stored.TryUse(code, stored.CreatedAt, maxAttempts: 1));
    }

    [Theory, BothDatabases]
    public async Task A_code_that_expires_unsent_is_withheld_and_masked_by_the_sweep(DatabaseKind database)
    {
        var settings = MailConnected();
        settings["Portal:RunInBackground"] = "false";
        await using var app = await PortalSteps.StartAsync(database, settings);
        using var browser = PortalSteps.Browser(app);
        var folio = await OpenedByPhoneAsync(app, browser);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));
        var ticketId = await app.WithDbAsync(db => db.Tickets.Where(t => t.Folio == folio).Select(t => t.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<AccessCodeSender>(scope.ServiceProvider, clock).SendToAsync(ticketId, CancellationToken.None);
        }

        var code = await PendingCodeAsync(app);
        var sweeper = ActivatorUtilities.CreateInstance<ExpiredCodeSweeper>(app.Services, clock);
        clock.Advance(TimeSpan.FromMinutes(9));
        var early = await sweeper.SweepAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal((0, 1), (early, expired));
        var row = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Event == OutboxMessage.OneTimeCodeEvent));
        Assert.Equal((OutboxState.Withheld, AccessCodeMessages.Expired), (row.State, row.LastError));
        Assert.DoesNotContain(code, await OutboxTextAsync(app), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Asking_for_a_new_code_withholds_and_masks_the_one_still_waiting(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, MailConnected());
        using var browser = PortalSteps.Browser(app);
        await OpenedByPhoneAsync(app, browser);
        await browser.PostFormForPageAsync("/portal/mi-folio", "codigo", []);
        var first = await PendingCodeAsync(app);

        await browser.PostFormForPageAsync("/portal/mi-folio", "codigo", []);

        var rows = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Event == OutboxMessage.OneTimeCodeEvent).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([OutboxState.Withheld, OutboxState.Pending], rows.Select(r => r.State));
        Assert.Equal(AccessCodeMessages.Replaced, rows[0].LastError);
        Assert.DoesNotContain(first, rows[0].Body, StringComparison.Ordinal);
    }

    /// <summary>An email channel that can send (its server is never reached: the tests do not run the sender).</summary>
    internal static Dictionary<string, string?> MailConnected() => TestSmtpServer.Settings(TestSmtpServer.FreePort());

    /// <summary>Files a report from one browser and opens it by phone in <paramref name="browser"/>; returns its folio.</summary>
    private static async Task<string> OpenedByPhoneAsync(VentanillaApp app, ConsoleClient browser)
    {
        using var reporter = PortalSteps.Browser(app);
        var folio = await PortalSteps.FileAsync(reporter);
        Assert.Equal(HttpStatusCode.Found, (await PortalSteps.OpenAsync(browser, folio, "492 478 1000")).StatusCode);
        return folio;
    }

    /// <summary>The code in the message still waiting to go, as the subscriber will read it.</summary>
    private static async Task<string> PendingCodeAsync(VentanillaApp app)
    {
        var body = await app.WithDbAsync(db => db.Outbox.AsNoTracking()
            .Where(m => m.Event == OutboxMessage.OneTimeCodeEvent && m.State == OutboxState.Pending).Select(m => m.Body).SingleAsync());
        return CodeIn(body);
    }

    private static string CodeIn(string text)
    {
        var match = Code().Match(text);
        Assert.True(match.Success, $"No code in: {text}");
        return match.Groups[1].Value;
    }

    /// <summary>Every value of every column of every outbox row, as text.</summary>
    private static Task<string> OutboxTextAsync(VentanillaApp app) => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM outbox_messages";
        await using var reader = await command.ExecuteReaderAsync();
        var text = new System.Text.StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }
        }

        return text.ToString();
    });

    [GeneratedRegex(@"en el portal es (\d{6})\.")]
    private static partial Regex Code();
}
