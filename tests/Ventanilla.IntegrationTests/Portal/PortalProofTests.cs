using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ventanilla.Channels.Portal;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Portal;

/// <summary>What a phone or email opens on the portal, and how often it may be tried.</summary>
public class PortalProofTests
{
    private const string Phone = "492 478 1000";

    [Theory, BothDatabases]
    public async Task A_folio_opened_by_phone_shows_status_kind_and_dates_but_not_the_description_address_or_conversation(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        var folio = await FiledAsync(app);
        using var browser = PortalSteps.Browser(app);

        Assert.Equal(HttpStatusCode.Found, (await PortalSteps.OpenAsync(browser, folio, Phone)).StatusCode);
        var page = await browser.GetPageAsync("/portal/mi-folio");

        Assert.Contains(folio, page, StringComparison.Ordinal);
        Assert.Contains("Recibido", page, StringComparison.Ordinal);
        Assert.Contains("Plazo:", page, StringComparison.Ordinal);
        Assert.Contains("Falla · reportado el", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sin internet desde anoche", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Av. Hidalgo", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Conversación", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Escríbenos", page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_receipt_of_a_folio_opened_by_email_leads_back_to_its_status(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        var folio = await FiledAsync(app);
        using var browser = PortalSteps.Browser(app);
        await PortalSteps.OpenAsync(browser, folio, "ANA.RUIZ@example.mx");

        var receipt = await browser.Http.GetAsync("/portal/constancia");

        Assert.Equal(HttpStatusCode.Found, receipt.StatusCode);
        Assert.Equal("/portal/mi-folio", ConsoleClient.Location(receipt));
    }

    [Theory, BothDatabases]
    public async Task A_folio_opened_by_phone_takes_no_message_even_from_a_hand_made_post(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        var folio = await FiledAsync(app);
        using var browser = PortalSteps.Browser(app);
        await PortalSteps.OpenAsync(browser, folio, Phone);

        var forged = await browser.PostFormAsync("/portal/mi-folio", "salir", new() { ["_handler"] = "mensaje", ["Message.Text"] = "Soy otra persona" });

        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        var ticket = await PortalSteps.TicketAsync(app, folio);
        Assert.DoesNotContain(ticket.Timeline, e => e.Type == TimelineEntryType.MessageIn);
    }

    [Theory, BothDatabases]
    public async Task One_phone_tried_on_folio_after_folio_is_refused_after_the_allowed_failures_whoever_tries(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, new() { ["Portal:RateLimits:PerProofFailures"] = "2" });
        var folio = await FiledAsync(app);

        foreach (var other in new[] { "NM-2026-900001", "NM-2026-900002" })
        {
            using var stranger = PortalSteps.Browser(app);
            Assert.Equal(HttpStatusCode.OK, (await PortalSteps.OpenAsync(stranger, other, "+52 492 478 1000")).StatusCode);
        }

        using var next = PortalSteps.Browser(app);
        var refused = await PortalSteps.OpenAsync(next, folio, Phone);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("demasiados intentos", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Many_proofs_tried_on_one_folio_are_refused_after_the_allowed_failures(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, new() { ["Portal:RateLimits:PerFolioFailures"] = "2" });
        var folio = await FiledAsync(app);

        foreach (var guess in new[] { "492 000 0001", "alguien@example.mx" })
        {
            using var stranger = PortalSteps.Browser(app);
            Assert.Equal(HttpStatusCode.OK, (await PortalSteps.OpenAsync(stranger, folio, guess)).StatusCode);
        }

        using var owner = PortalSteps.Browser(app);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PortalSteps.OpenAsync(owner, folio, Phone)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Failures_count_for_every_node_and_are_forgotten_once_their_window_has_passed(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, new()
        {
            ["Portal:RateLimits:PerProofFailures"] = "2",
            ["Portal:RateLimits:FailureWindowSeconds"] = "3600",
        });
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));
        var keys = ProofThrottle.KeysOf("NM-2026-000001", "492 478 1000");
        await RecordAsync(app, clock, keys);
        await RecordAsync(app, clock, ProofThrottle.KeysOf("NM-2026-000002", "+52 (492) 478-1000"));

        clock.Advance(TimeSpan.FromMinutes(59));
        var within = await ThrottleAsync(app, clock, t => t.AllowsAsync(ProofThrottle.KeysOf("NM-2026-000003", "4924781000"), CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(2));
        var after = await ThrottleAsync(app, clock, t => t.AllowsAsync(ProofThrottle.KeysOf("NM-2026-000003", "4924781000"), CancellationToken.None));

        Assert.Equal((false, true), (within, after));
    }

    private static async Task<string> FiledAsync(VentanillaApp app)
    {
        using var reporter = PortalSteps.Browser(app);
        return await PortalSteps.FileAsync(reporter);
    }

    // A second scope stands for a second node: the count lives in the database, not in the process.
    private static async Task<T> ThrottleAsync<T>(VentanillaApp app, TimeProvider clock, Func<ProofThrottle, Task<T>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await act(ActivatorUtilities.CreateInstance<ProofThrottle>(scope.ServiceProvider, clock));
    }

    private static Task<bool> RecordAsync(VentanillaApp app, TimeProvider clock, IReadOnlyList<string> keys) =>
        ThrottleAsync(app, clock, async t =>
        {
            await t.RecordFailureAsync(keys, CancellationToken.None);
            return true;
        });
}
