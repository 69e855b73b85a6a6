using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests.Portal;

/// <summary>The report form carries a one-time token: posted twice (a double click, a browser retrying), it files once.</summary>
public class PortalDoubleSubmitTests
{
    [Theory, BothDatabases]
    public async Task The_same_report_form_posted_twice_files_one_folio_and_shows_it_both_times(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);
        var form = await browser.GetPageAsync("/portal/reportar");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"Form.FormToken\" value=\"(?<t>[0-9a-f]{32})\"").Groups["t"].Value;
        Assert.Equal(32, token.Length);
        var fields = PortalSteps.Report();
        fields["Form.FormToken"] = token;

        var first = await PortalSteps.FileAsync(browser, fields);
        var second = await PortalSteps.FileAsync(browser, fields);

        Assert.Equal(first, second);
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }
}
