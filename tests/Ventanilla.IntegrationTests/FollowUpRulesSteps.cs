using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Deadlines;
using Ventanilla.Deadlines.Calendars;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Staff;

namespace Ventanilla.IntegrationTests;

/// <summary>What the follow-up rule tests share: a service whose jobs wait to be run, reports, staff and rule edits.</summary>
internal static class FollowUpRulesSteps
{
    // The jobs wait an hour between runs, so each test runs their batches itself, when it wants.
    internal static readonly Dictionary<string, string?> QuietJobs = new() { ["FollowUp:JobInterval"] = "01:00:00" };

    internal static Task<VentanillaApp> StartAsync(DatabaseKind database, DateTimeOffset? now = null) => VentanillaApp.StartAsync(database, QuietJobs, now);

    internal static Dictionary<string, object?> Report(string kind, string text, DateTime? reportedAt = null, string? address = null)
    {
        var report = Json.Fault(text);
        report["kind"] = kind;
        report["subject"] = text;
        if (reportedAt is { } at)
        {
            report["reportedAt"] = at;
        }

        if (address is not null)
        {
            report["address"] = address;
        }

        return report;
    }

    internal static async Task<StaffUser> CreateUserAsync(VentanillaApp app, string email, string role, string? areaCode = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var areaId = areaCode is null ? null : (int?)(await db.Areas.FirstAsync(a => a.Code == areaCode)).Id;
        var user = new StaffUser { UserName = email, Email = email, DisplayName = email, AreaId = areaId };
        Assert.True((await users.CreateAsync(user, "Persona-Password-1")).Succeeded);
        await users.AddToRoleAsync(user, role);
        // Intake reads areas' members from the cached rules, re-read every minute; the test does not wait for it.
        await app.Services.GetRequiredService<FollowUpDirectory>().LoadAsync();
        return user;
    }

    /// <summary>Changes the rules as an administrator's save does, then reloads them.</summary>
    internal static async Task EditRulesAsync(VentanillaApp app, Func<VentanillaDbContext, Task> edit, bool deadlinesChanged = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        await edit(db);
        await app.Services.GetRequiredService<FollowUpDirectory>().SaveAsync(db, deadlinesChanged);
    }

    // Area members are on shift only within their area's hours; a test about shifts, not hours, keeps the area open whatever the clock says.
    internal static Task AlwaysOpenAsync(VentanillaApp app, string areaCode) => EditRulesAsync(app, async db =>
        (await db.BusinessCalendars.FirstAsync(c => c.Code == WorkCalendar.ForArea(areaCode))).Set(BusinessCalendar.AlwaysOpen(), app.Now));

    internal static DateTime Utc(JsonElement ticket, string property) =>
        ticket.GetProperty(property).GetDateTime().ToUniversalTime();
}
