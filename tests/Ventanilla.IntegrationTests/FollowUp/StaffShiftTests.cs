using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Deadlines.Calendars;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.FollowUp;

/// <summary>Staff shifts: people who work other hours than their area get folios only while on shift.</summary>
public class StaffShiftTests
{
    private static readonly Dictionary<string, string?> QuietJobs = new() { ["FollowUp:JobInterval"] = "01:00:00" };

    private const string AllDay = "00:00-24:00";

    // A calendar is closed now by closing the days around the day the test clocks start on, whatever its hour.
    private static readonly string AroundToday = string.Join('\n', Enumerable.Range(-1, 3).Select(d =>
        new TestClock().Today.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    private static Dictionary<string, string> Hours(string name, bool closedNow) => new()
    {
        ["Form.Name"] = name, ["Form.TimeZone"] = "America/Mexico_City",
        ["Form.Monday"] = AllDay, ["Form.Tuesday"] = AllDay, ["Form.Wednesday"] = AllDay, ["Form.Thursday"] = AllDay,
        ["Form.Friday"] = AllDay, ["Form.Saturday"] = AllDay, ["Form.Sunday"] = AllDay, ["Form.ExtraClosedDates"] = closedNow ? AroundToday : "",
    };

    private static async Task<string> NewShiftAsync(VentanillaApp app, ConsoleClient admin, string name, bool closedNow)
    {
        var saved = await admin.PostFormAsync("/admin/calendarios?nuevo=turno", "calendario", Hours(name, closedNow));
        Assert.Equal("/admin/calendarios?aviso=guardado", ConsoleClient.Location(saved));
        return await app.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Name == name.Trim()).Select(c => c.Code).SingleAsync());
    }

    private static async Task SetAreaHoursAsync(VentanillaApp app, ConsoleClient admin, string areaCode, bool closedNow)
    {
        var id = await app.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Code == WorkCalendar.ForArea(areaCode)).Select(c => c.Id).SingleAsync());
        var saved = await admin.PostFormAsync($"/admin/calendarios?editar={id}", "calendario", Hours("Servicio al Cliente", closedNow));
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
    }

    /// <summary>Creates an agent of customer service through the users form, as an administrator does.</summary>
    private static async Task<string> NewAgentAsync(VentanillaApp app, ConsoleClient admin, string email, string? shift)
    {
        var saved = await admin.PostFormAsync("/admin/usuarios/nuevo", "crear-usuario", new()
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = email, ["Input.Password"] = "Persona-Password-1",
            ["Input.AreaId"] = "1", ["Input.Shift"] = shift ?? "", ["Input.Roles[agent]"] = "true",
        });
        Assert.Equal("/admin/usuarios?aviso=creado", ConsoleClient.Location(saved));
        // Intake reads areas' members from the cached rules, re-read every minute; the test does not wait for it.
        await app.Services.GetRequiredService<FollowUpDirectory>().LoadAsync();
        return await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    private static async Task<string?> OwnerOfNewReportAsync(VentanillaApp app, string text)
    {
        var report = Json.Fault(text);
        report["kind"] = "complaint";
        var created = await app.Api().PostAsync("/api/v1/tickets", report);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Body.GetProperty("customerServiceOwner").GetString();
    }

    [Fact]
    public async Task An_admin_creates_a_shift_in_calendars_and_gives_it_to_a_person_in_users()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, QuietJobs);
        using var admin = await ConsoleClient.SignInAsync(app);

        var night = await NewShiftAsync(app, admin, "Turno nocturno", closedNow: false);
        var again = await NewShiftAsync(app, admin, "Turno Nocturno ", closedNow: false);
        var id = await NewAgentAsync(app, admin, "lupita@netmas.mx", night);
        var wrong = await admin.PostFormForPageAsync($"/admin/usuarios/{id}", "editar-usuario", new()
        {
            ["Input.DisplayName"] = "Lupita", ["Input.AreaId"] = "1", ["Input.Shift"] = "area:tecnica", ["Input.Roles[agent]"] = "true",
        });

        Assert.Equal(("turno:turno-nocturno", "turno:turno-nocturno-2"), (night, again));
        Assert.Equal(night, await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.ShiftCalendar).SingleAsync()));
        Assert.Contains("Elige un turno de la lista.", wrong, StringComparison.Ordinal);
        var edit = await admin.GetPageAsync($"/admin/usuarios/{id}");
        Assert.Contains($"<option value=\"{night}\" selected", edit, StringComparison.Ordinal);
        Assert.Contains("Turno nocturno", await admin.GetPageAsync("/admin/calendarios"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Automatic_assignment_skips_a_member_whose_own_shift_is_over(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, QuietJobs);
        using var admin = await ConsoleClient.SignInAsync(app);
        await SetAreaHoursAsync(app, admin, "servicio_al_cliente", closedNow: false);
        var never = await NewShiftAsync(app, admin, "De vacaciones", closedNow: true);
        var off = await NewAgentAsync(app, admin, "fuera@netmas.mx", never);
        var on = new[] { await NewAgentAsync(app, admin, "uno@netmas.mx", null), await NewAgentAsync(app, admin, "dos@netmas.mx", null) };

        var owners = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            owners.Add(await OwnerOfNewReportAsync(app, $"Me cobraron de más, reporte {i}."));
        }

        Assert.DoesNotContain(off, owners);
        Assert.All(on, agent => Assert.Equal(3, owners.Count(o => o == agent)));
    }

    [Theory, BothDatabases]
    public async Task A_member_on_their_own_shift_takes_work_while_the_area_is_closed(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, QuietJobs);
        using var admin = await ConsoleClient.SignInAsync(app);
        await SetAreaHoursAsync(app, admin, "servicio_al_cliente", closedNow: true);
        var always = await NewShiftAsync(app, admin, "Guardia", closedNow: false);
        await NewAgentAsync(app, admin, "horario@netmas.mx", null);
        var guard = await NewAgentAsync(app, admin, "guardia@netmas.mx", always);

        var first = await OwnerOfNewReportAsync(app, "No me llegó el recibo.");
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == guard);
            user.ShiftCalendar = null;
            return await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<FollowUpDirectory>().LoadAsync();
        var nobody = await OwnerOfNewReportAsync(app, "Tampoco me llegó el de este mes.");

        Assert.Equal(guard, first);
        Assert.Null(nobody);
        var waiting = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).OrderBy(t => t.Id).LastAsync());
        Assert.Contains(waiting.Timeline, e => e.Type == TimelineEntryType.Note && e.Body!.Contains("fuera del horario del área", StringComparison.Ordinal));
    }
}
