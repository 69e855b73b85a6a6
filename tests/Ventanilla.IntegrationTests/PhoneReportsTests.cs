using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Channels.Phone;
using Ventanilla.Data;
using Ventanilla.Intake;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

public class PhoneReportsTests
{
    private static readonly Actor Agent = new("agent-1", "Ana Agente");

    private static async Task<(PhoneReportResult? Result, Dictionary<string, string[]> Errors)> Register(VentanillaApp app, PhoneReportForm form, long? chosen = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var intake = scope.ServiceProvider.GetRequiredService<TicketIntake>();
        var (result, errors) = await PhoneReports.RegisterAsync(db, intake, form, chosen, Agent, app.Now, CancellationToken.None);
        return (result, errors.ToDictionary());
    }

    [Theory, BothDatabases]
    public async Task Register_UnknownCaller_CreatesTheSubscriberAndQueuesBothReceipts(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);

        var (result, errors) = await Register(app, new PhoneReportForm
        {
            Kind = "fault", Description = "Sin señal desde la lluvia", Address = "Calle Real 5, Centro",
            Name = "Rosa Martínez", Phone = "492 765 4321", Email = "rosa@example.mx",
        });

        Assert.Empty(errors);
        Assert.NotNull(result);
        Assert.True(result.NewSubscriber);
        Assert.Equal(ContactChannel.Phone, result.Ticket.Channel);
        Assert.Equal([(ContactChannel.Email, "rosa@example.mx"), (ContactChannel.Whatsapp, "+524927654321")], result.Receipts.OrderBy(r => r.Channel));
        var subscriber = await app.WithDbAsync(db => db.Subscribers.SingleAsync());
        Assert.Equal("Rosa Martínez", subscriber.FullName);
        Assert.Equal("Calle Real 5, Centro", Assert.Single(subscriber.Addresses).Street);
        Assert.Equal(subscriber.Id, await app.WithDbAsync(db => db.Tickets.Select(t => t.SubscriberId).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task Register_KnownCallerChosenBySearch_LinksWithoutCreatingAnother(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        await app.Api().PostAsync("/api/v1/subscribers", new { accountNumber = "NM-ZAC-10234", name = "Juan Pérez", phones = new[] { "492 123 4567" } });
        var found = await app.WithDbAsync(db => CallerLookup.FindAsync(db, "4921234", 8, CancellationToken.None));
        var caller = Assert.Single(found);

        var (result, errors) = await Register(app, new PhoneReportForm { Kind = "complaint", Description = "Me cobraron de más", Phone = "4921234567" }, caller.Id);

        Assert.Empty(errors);
        Assert.False(result!.NewSubscriber);
        Assert.Equal(1, await app.WithDbAsync(db => db.Subscribers.CountAsync()));
        Assert.Equal("Juan Pérez", result.Ticket.Subscriber?.FullName);
    }

    [Theory, BothDatabases]
    public async Task Register_WithoutDescriptionOrWayToReach_ReportsFieldsAndWritesNothing(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);

        var (noDescription, errors1) = await Register(app, new PhoneReportForm { Kind = "fault", Name = "Rosa", Phone = "4927654321" });
        var (noContact, errors2) = await Register(app, new PhoneReportForm { Kind = "fault", Description = "Sin señal", Name = "Rosa" });

        Assert.Null(noDescription);
        Assert.Contains("description", errors1.Keys);
        Assert.Null(noContact);
        Assert.Contains("subscriber", errors2.Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Subscribers.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task FindAsync_ShowsOpenTicketsFirst(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        await client.PostAsync("/api/v1/subscribers", new { accountNumber = "NM-ZAC-1", name = "Ana Peña", phones = new[] { "492 111 2233" } });
        var old = (await client.PostAsync("/api/v1/tickets", Json.Fault("Viejo", new { accountNumber = "NM-ZAC-1" }))).Body.Str("folio");
        var open = (await client.PostAsync("/api/v1/tickets", Json.Fault("Nuevo", new { accountNumber = "NM-ZAC-1" }))).Body.Str("folio");
        await client.PostAsync($"/api/v1/tickets/{old}/status", new { status = "cancelled", reason = "duplicado" });

        var card = Assert.Single(await app.WithDbAsync(db => CallerLookup.FindAsync(db, "pena", 8, CancellationToken.None)));

        Assert.Equal([open, old], card.Tickets.Select(t => t.Folio));
        Assert.Empty(await app.WithDbAsync(db => CallerLookup.FindAsync(db, "pe", 8, CancellationToken.None)));
    }
}
