using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Staff;

namespace Ventanilla.IntegrationTests.FollowUp;

/// <summary>The steps the follow-up tests share: staff with roles, a fault taken to resolution.</summary>
internal static class FollowUpFlow
{
    public const string Password = "Tecnico-Password-1";

    /// <summary>A day ten days after the test clocks start, far enough that "today" never catches up during a run.</summary>
    public static readonly string VisitDay = new TestClock().Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<string> CreateUserAsync(VentanillaApp app, string email, string role, string name = "Técnico de prueba")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, DisplayName = name };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        return user.Id;
    }

    public static async Task<string> NewFaultAsync(HttpClient client, string channel = "email", string kind = "fault")
    {
        var report = Json.Fault();
        report["channel"] = channel;
        report["kind"] = kind;
        var created = await client.PostAsync("/api/v1/tickets", report);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var folio = created.Body.Str("folio");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" })).Status);
        return folio;
    }

    public static async Task<string> ResolvedFaultAsync(HttpClient client, string channel = "email")
    {
        var folio = await NewFaultAsync(client, channel);
        var resolved = await client.PostAsync($"/api/v1/tickets/{folio}/resolution",
            new { causeId = 1, correction = "Se empalmó la fibra en la caja de distribución.", upheld = true });
        Assert.True(resolved.Status == HttpStatusCode.OK, resolved.Body.ToString());
        return folio;
    }

    public static Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> BookAsync(HttpClient client, string folio,
        string technician, string window, string? from = null, string? to = null, string? day = null) =>
        client.PostAsync($"/api/v1/tickets/{folio}/visits", new { technician, day = day ?? VisitDay, window, from, to });
}
