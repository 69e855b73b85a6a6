using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Demo;
using Ventanilla.Messaging;
using Ventanilla.Staff;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

public class DemoDataTests
{
    [Theory, BothDatabases]
    public async Task SeedAsync_FreshDatabase_CoversEveryStatusAndChannelWithWholeTimelines(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);

        Assert.True(await DemoData.SeedAsync(app.Services));

        var tickets = await app.WithDbAsync(db => db.Tickets.AsNoTracking().Include(t => t.Timeline).AsSplitQuery().ToListAsync());
        Assert.InRange(tickets.Count, 100, 150);
        Assert.Equal(Enum.GetValues<TicketStatus>().Order(), tickets.Select(t => t.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<ContactChannel>().Order(), tickets.Select(t => t.Channel).Distinct().Order());
        Assert.All(tickets, t =>
        {
            var timeline = t.Timeline.OrderBy(e => e.Id).ToList();
            Assert.Equal(TimelineEntryType.Created, timeline[0].Type);
            Assert.Equal(timeline.Select(e => e.At).Order(), timeline.Select(e => e.At));
            Assert.InRange(t.ReportedAt, app.Now.AddDays(-61), app.Now);
            Assert.True(t.LastActivityAt <= app.Now, $"{t.Folio} has activity in the future");
        });
        Assert.Contains(tickets, t => t.Resolution is { Cause: "Fibra dañada en el poste" });
        Assert.Contains(tickets, t => t.Timeline.Any(e => e.Type == TimelineEntryType.MessageIn));
        Assert.Contains(tickets, t => t.Timeline.Any(e => e.Type == TimelineEntryType.Assigned && e.Field == "area"));
    }

    [Theory, BothDatabases]
    public async Task SeedAsync_FreshDatabase_GivesConsecutiveFoliosAndSentReceipts(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);

        await DemoData.SeedAsync(app.Services);

        var folios = await app.WithDbAsync(db => db.Tickets.OrderBy(t => t.Id).Select(t => t.Folio).ToListAsync());
        foreach (var year in folios.Select(f => Folio.TryParse(f, out var parsed) ? parsed!.Value : throw new FormatException(f)).GroupBy(f => f.Year))
        {
            Assert.Equal(Enumerable.Range(1, year.Count()).Select(i => (long)i), year.Select(f => f.Sequence));
        }

        var receipts = await app.WithDbAsync(db => db.Outbox.Select(m => m.State).ToListAsync());
        Assert.NotEmpty(receipts);
        Assert.All(receipts, state => Assert.Equal(OutboxState.Sent, state));
    }

    [Theory, BothDatabases]
    public async Task SeedAsync_SecondRun_AddsNothing(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        await DemoData.SeedAsync(app.Services);
        var before = await CountsAsync(app);

        var loaded = await DemoData.SeedAsync(app.Services);

        Assert.False(loaded);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory, BothDatabases]
    public async Task SeedAsync_FreshDatabase_DemoAgentSignsInWithTheDocumentedPassword(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);

        await DemoData.SeedAsync(app.Services);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var agent = await users.FindByEmailAsync("ana.agente@netmas.mx");
        Assert.NotNull(agent);
        Assert.True(await users.CheckPasswordAsync(agent, "Demo-Netmas-2026"));
        Assert.Equal([Roles.Agent], await users.GetRolesAsync(agent));
        foreach (var role in new[] { Roles.TechnicalLead, Roles.Technician, Roles.Area, Roles.Supervisor })
        {
            Assert.NotEmpty(await users.GetUsersInRoleAsync(role));
        }
    }

    private static Task<(int Tickets, int Entries, int Subscribers, int Users, int Keys, int Outbox)> CountsAsync(VentanillaApp app) =>
        app.WithDbAsync(async db => (await db.Tickets.CountAsync(), await db.TimelineEntries.CountAsync(), await db.Subscribers.CountAsync(),
            await db.Users.CountAsync(), await db.ApiKeys.CountAsync(), await db.Outbox.CountAsync()));
}
