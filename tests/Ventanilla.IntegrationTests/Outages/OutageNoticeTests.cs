using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.IntegrationTests.WhatsApp;
using Ventanilla.Messaging;
using Ventanilla.Network.Outages;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Outages;

/// <summary>Subscribers under an outage are told on their own channel, once per round, at a bounded pace.</summary>
public class OutageNoticeTests
{
    private static Task<List<OutageNotice>> NoticesAsync(VentanillaApp app, OutageNoticeEvent @event) =>
        app.WithDbAsync(db => db.OutageNotices.Where(n => n.Event == @event).OrderBy(n => n.ServiceId).ToListAsync());

    private static Task<List<OutboxMessage>> MessagesAsync(VentanillaApp app, string eventName) =>
        app.WithDbAsync(db => db.Outbox.Where(m => m.Event == eventName).OrderBy(m => m.Recipient).ToListAsync());

    private static Task<string[]> CodesAsync(VentanillaApp app, IEnumerable<OutageNotice> notices)
    {
        var ids = notices.Select(n => n.ServiceId).ToArray();
        return app.WithDbAsync(db => db.Services.Where(s => ids.Contains(s.Id)).OrderBy(s => s.Code).Select(s => s.Code).ToArrayAsync());
    }

    [Theory, BothDatabases]
    public async Task A_declared_outage_tells_only_the_active_services_under_its_nodes_once_on_each_subscribers_channel(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app);

        var first = await OutageWorld.NoticePassAsync(app);
        var second = await OutageWorld.NoticePassAsync(app);

        Assert.Equal((3, 0), (first, second));
        var notices = await NoticesAsync(app, OutageNoticeEvent.Declared);
        // Carla's suspended service and the services on sector B are not told.
        Assert.Equal(["A-1", "A-2", "A-3", "E-1"], await CodesAsync(app, notices));
        var messages = await MessagesAsync(app, OutageEvents.Declared);
        Assert.Equal([(ContactChannel.Whatsapp, OutageWorld.AnaPhone), (ContactChannel.Email, "beto@example.mx"), (ContactChannel.Email, "elena@example.mx")],
            messages.Select(m => (m.Channel, m.Recipient)).OrderBy(x => x.Recipient, StringComparer.Ordinal));
        // Beto's two services share one message.
        Assert.Single(notices.Where(n => n.SubscriberId == world.Beto).Select(n => n.OutboxMessageId).Distinct());
        Assert.All(messages, m => Assert.Contains($"Hay una falla en tu zona (FM-{outageId:D6}): Corte de fibra en el sector A.", m.Body, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Null(m.TicketId));
        Assert.Equal("[FM-" + outageId.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + "] Hay una falla en tu zona",
            messages.First(m => m.Channel == ContactChannel.Email).Subject);
    }

    [Theory, BothDatabases]
    public async Task Each_new_estimate_is_a_round_told_once_to_those_already_told_and_restoration_is_told_once(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app);
        await OutageWorld.NoticePassAsync(app);

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await OutageWorld.ChangeAsync(app, outageId, o => o.Estimate(app.Now.AddHours(5), OutageWorld.Supervisor, app.Now));
        var estimated = await OutageWorld.NoticePassAsync(app) + await OutageWorld.NoticePassAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await OutageWorld.ChangeAsync(app, outageId, o => o.Estimate(app.Now.AddHours(6), OutageWorld.Supervisor, app.Now));
        var reestimated = await OutageWorld.NoticePassAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await OutageWorld.ChangeAsync(app, outageId, o => o.Restore(app.Now.AddMinutes(-10), "Fibra empalmada", OutageWorld.Supervisor, app.Now));
        var restored = await OutageWorld.NoticePassAsync(app) + await OutageWorld.NoticePassAsync(app);

        Assert.Equal((3, 3, 3), (estimated, reestimated, restored));
        var rounds = (await NoticesAsync(app, OutageNoticeEvent.EstimateChanged)).GroupBy(n => n.Round).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<int, int> { [1] = 4, [2] = 4 }, rounds);
        Assert.Equal(4, (await NoticesAsync(app, OutageNoticeEvent.Restored)).Count);
        var latest = (await MessagesAsync(app, OutageEvents.EstimateChanged)).Last(m => m.Recipient == "beto@example.mx" && m.CreatedAt > app.Now.AddHours(-1.5));
        Assert.Contains("Estimamos restablecer el servicio el ", latest.Body, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_notice_pace_is_bounded_per_minute_and_the_rest_goes_in_later_passes(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings(noticesPerMinute: 2));
        var world = await OutageWorld.SeedAsync(app);
        await world.DeclareOnAAsync(app);

        var now = await OutageWorld.NoticePassAsync(app);
        var sameMinute = await OutageWorld.NoticePassAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await OutageWorld.NoticePassAsync(app);

        Assert.Equal((2, 0, 1), (now, sameMinute, later));
        Assert.Equal(3, (await MessagesAsync(app, OutageEvents.Declared)).Count);
    }

    [Theory, BothDatabases]
    public async Task Planned_maintenance_is_told_a_day_ahead_and_not_again_as_a_failure_when_it_starts(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        await world.DeclareOnAAsync(app, OutageKind.PlannedMaintenance, startedAt: app.Now.AddHours(30), estimate: app.Now.AddHours(32));

        var tooEarly = await OutageWorld.NoticePassAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(7));
        var dayAhead = await OutageWorld.NoticePassAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(24));
        var started = await OutageWorld.NoticePassAsync(app);

        Assert.Equal((0, 3, 0), (tooEarly, dayAhead, started));
        var ahead = Assert.Single(await MessagesAsync(app, OutageEvents.PlannedAhead), m => m.Recipient == "elena@example.mx");
        Assert.Equal(ContactChannel.Email, ahead.Channel);
        Assert.Contains("Empieza el ", ahead.Body, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_WhatsApp_notice_outside_the_24_hour_window_goes_as_the_approved_template_with_the_outage(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var app = kit.App;
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app);

        await OutageWorld.NoticePassAsync(app);
        await kit.PassAsync();

        var sent = Assert.Single(kit.Graph.Sent);
        Assert.Equal("524921110001", (string?)sent["to"]);
        Assert.Equal("template", (string?)sent["type"]);
        Assert.Equal("falla_aviso", (string?)sent["template"]!["name"]);
        Assert.Contains($"FM-{outageId:D6}", sent.ToJsonString(), StringComparison.Ordinal);
        var row = Assert.Single(await kit.DbAsync(db => db.Outbox.Where(m => m.Channel == ContactChannel.Whatsapp).ToListAsync()));
        Assert.Equal(OutboxState.Sent, row.State);
    }
}
