using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Channels.Phone;
using Ventanilla.Data;
using Ventanilla.Intake;
using Ventanilla.IntegrationTests.Portal;
using Ventanilla.Tickets;
using Xunit.Abstractions;

namespace Ventanilla.IntegrationTests.Hostile;

/// <summary>
/// Hostile values in every field of the portal's forms and the console's main ones: never a 5xx; a
/// form shown again names its problem; an accepted one leads to a page that opens.
/// </summary>
public partial class FormHostileTests(ITestOutputHelper output)
{
    [Theory, BothDatabases]
    public async Task PortalAndConsoleForms_HostileFields_NeverAServerError(DatabaseKind database)
    {
        var perForm = database == DatabaseKind.Sqlite ? 40 : 6;
        var input = new HostileInput(HostileInput.DefaultSeed + 1);
        output.WriteLine($"Semilla {input.Seed}, {perForm} casos por formulario en {database}.");
        await using var app = await PortalSteps.StartAsync(database);
        var api = app.Api();
        var folio = (await api.PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        var subscriber = (await api.PostAsync("/api/v1/subscribers", new { name = "Ana Ruiz", phones = new[] { "492 478 1000" } })).Body.GetProperty("id").GetRawText();
        using var console = await ConsoleClient.SignInAsync(app);
        (ConsoleClient Browser, string Url, string Form, Dictionary<string, string> Valid)[] forms =
        [
            (PortalSteps.Browser(app), "/portal/reportar", "reporte", PortalSteps.Report()),
            (PortalSteps.Browser(app), "/portal/cancelar", "cancelacion", []),
            (PortalSteps.Browser(app), "/portal/derechos-arco", "arco", []),
            (PortalSteps.Browser(app), "/portal/folio", "abrir", new() { ["Lookup.Folio"] = folio }),
            (console, $"/folios/{folio}", "nota", new() { ["Input.Text"] = "Nota de prueba" }),
            (console, $"/suscriptores/{subscriber}", "editar-suscriptor", new() { ["Input.Name"] = "Ana Ruiz" }),
        ];

        foreach (var (browser, url, form, valid) in forms)
        {
            var fields = await FieldsAsync(browser, url, form);
            for (var i = 0; i < perForm; i++)
            {
                // Start from a valid form now and then, so hostile text also reaches what is accepted.
                var values = input.OneIn(2) ? new Dictionary<string, string>(valid) : [];
                foreach (var field in fields.Where(_ => !input.OneIn(4)))
                {
                    values[field] = field.EndsWith(".SitioWeb", StringComparison.Ordinal) && !input.OneIn(10) ? "" : input.Text();
                }

                var what = $"[semilla {input.Seed}, caso {i}] {form} en {url}: {HostileRules.Cut(string.Join(" | ", values.Values))}";
                await HostileRules.FormAnswerAsync(browser, await browser.PostFormAsync(url, form, values), what);
            }
        }

        // What was there before the walk is still there.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/tickets/{folio}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/subscribers/{subscriber}")).StatusCode);
    }

    /// <summary>/llamada is an interactive page; its submit runs <see cref="PhoneReports.RegisterAsync"/>, walked here directly.</summary>
    [Theory, BothDatabases]
    public async Task PhoneIntake_HostileFields_FieldErrorsOrAFolioThatReadsBack(DatabaseKind database)
    {
        var cases = database == DatabaseKind.Sqlite ? 100 : 15;
        var input = new HostileInput(HostileInput.DefaultSeed + 2);
        output.WriteLine($"Semilla {input.Seed}, {cases} casos en {database}.");
        await using var app = await VentanillaApp.StartAsync(database);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        for (var i = 0; i < cases; i++)
        {
            var form = new PhoneReportForm
            {
                Kind = input.OneIn(2) ? "fault" : input.Text(),
                Description = input.Text(),
                Address = input.OneIn(2) ? null : input.Text(),
                Name = input.OneIn(3) ? "Ana Ruiz" : input.Text(),
                Phone = input.OneIn(2) ? "492 478 1000" : input.Text(),
                Email = input.OneIn(2) ? null : input.Text(),
                AccountNumber = input.OneIn(2) ? null : input.Text(),
            };
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
            var (result, errors) = await PhoneReports.RegisterAsync(db, scope.ServiceProvider.GetRequiredService<TicketIntake>(), form, null,
                new Actor("agente", "Agente"), now, CancellationToken.None);

            var what = $"[semilla {input.Seed}, caso {i}] {form.Description}";
            Assert.True(result is not null || errors.Any, $"{what}: neither a folio nor a field error");
            if (result is not null)
            {
                Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync($"/api/v1/tickets/{result.Ticket.Folio}")).StatusCode);
            }
        }
    }

    // The names of the fields a person fills in: every input, text area and list but the hidden ones.
    private static async Task<string[]> FieldsAsync(ConsoleClient browser, string url, string form)
    {
        var html = await browser.GetPageAsync(url);
        var match = Forms().Matches(html).FirstOrDefault(f => f.Value.Contains($"value=\"{form}\"", StringComparison.Ordinal));
        Assert.True(match is not null, $"{url} has no form {form}");
        return [.. Fields().Matches(match.Value).Where(f => !f.Value.Contains("type=\"hidden\"", StringComparison.Ordinal)
            && !f.Value.Contains("type=\"file\"", StringComparison.Ordinal)).Select(f => f.Groups["name"].Value).Distinct()];
    }

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("<(?:input|textarea|select)\\b[^>]*\\bname=\"(?<name>[^\"]+)\"[^>]*>")]
    private static partial Regex Fields();
}
