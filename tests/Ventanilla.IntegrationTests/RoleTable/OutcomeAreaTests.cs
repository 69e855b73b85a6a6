using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;
using static Ventanilla.IntegrationTests.FollowUp.FollowUpFlow;

namespace Ventanilla.IntegrationTests.RoleTable;

/// <summary>A complaint's outcome belongs to the area that owns it; supervisors and administrators may stand in.</summary>
public class OutcomeAreaTests
{
    [Theory, BothDatabases]
    public async Task Billing_staff_cannot_settle_a_commercial_complaint_but_commercial_staff_can(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = await CommercialComplaintAsync(app);
        using var billing = await AreaStaffAsync(app, "facturacion");
        using var commercial = await AreaStaffAsync(app, "comercial");
        var fields = new Dictionary<string, string> { ["Input.Outcome"] = "clarified", ["Input.Text"] = "Se explicó el cargo." };

        var billingPage = await billing.GetPageAsync("/folios/" + folio);
        var forged = await billing.PostFormAsync("/folios/" + folio, "nota", new(fields) { ["_handler"] = "resultado" });
        var untouched = await app.WithDbAsync(db => db.Tickets.Select(t => t.Outcome).SingleAsync());
        await commercial.PostFormAsync("/folios/" + folio, "resultado", fields);

        Assert.DoesNotContain("Registrar resultado", billingPage, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Found, forged.StatusCode);
        Assert.Null(untouched);
        Assert.Equal(Ventanilla.Tickets.Outcomes.AreaOutcome.Clarified, await app.WithDbAsync(db => db.Tickets.Select(t => t.Outcome).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task Through_the_API_an_area_key_is_403_and_a_supervisor_settles_any_area(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = await CommercialComplaintAsync(app);
        using var area = app.Api(await app.CreateApiKeyAsync(Roles.Area));
        using var supervisor = app.Api(await app.CreateApiKeyAsync(Roles.Supervisor));
        var outcome = new { outcome = "clarified", text = "Se explicó el cargo." };

        var refused = await area.PostAsync($"/api/v1/tickets/{folio}/outcome", outcome);
        var settled = await supervisor.PostAsync($"/api/v1/tickets/{folio}/outcome", outcome);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("application/problem+json", refused.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("área dueña", refused.Body.Str("title"), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "resolved"), (settled.Status, settled.Body.Str("status")));
    }

    private static async Task<string> CommercialComplaintAsync(VentanillaApp app)
    {
        var admin = app.Api();
        var folio = await NewFaultAsync(admin, kind: "complaint");
        var assigned = await admin.PostAsync($"/api/v1/tickets/{folio}/assignment", new { area = "comercial" });
        Assert.Equal(HttpStatusCode.OK, assigned.Status);
        return folio;
    }

    private static async Task<ConsoleClient> AreaStaffAsync(VentanillaApp app, string areaCode)
    {
        var email = areaCode + "@localhost";
        var id = await CreateUserAsync(app, email, Roles.Area);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.AreaId = await db.Areas.Where(a => a.Code == areaCode).Select(a => a.Id).SingleAsync();
            return await db.SaveChangesAsync();
        });
        return await ConsoleClient.SignInAsync(app, email, Password);
    }
}
