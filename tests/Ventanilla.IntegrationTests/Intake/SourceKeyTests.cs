using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Intake;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Intake;

/// <summary>A source key files one ticket, whoever files it and however many times at once.</summary>
public class SourceKeyTests
{
    [Theory, BothDatabases]
    public async Task The_same_source_key_filed_twenty_times_at_once_on_two_nodes_gives_one_ticket_and_every_caller_its_folio(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        await using var other = app.WithWebHostBuilder(_ => { });
        var request = new IntakeRequest(new NewTicket(TicketKind.Fault, ContactChannel.Api, "Sin enlace", "El módem no tiene enlace óptico.", null,
            new ContactInfo("Ana López", "+524921234567", null)), null, Actor.System, SourceKeys.Api("monitoreo", "evento-41"));
        var intakes = new[] { app.Services.GetRequiredService<TicketIntake>(), other.Services.GetRequiredService<TicketIntake>() };

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => intakes[i % 2].RegisterAsync(request))));

        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync());
        Assert.All(results, r => Assert.Equal(ticket.Folio, r.Ticket.Folio));
        Assert.Single(results, r => !r.AlreadyFiled);
        Assert.Equal("api:monitoreo:evento-41", ticket.SourceKey);
    }

    [Theory, BothDatabases]
    public async Task Filing_in_the_callers_transaction_twice_with_one_source_key_gives_back_the_first_ticket(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var intake = app.Services.GetRequiredService<TicketIntake>();
        var request = new IntakeRequest(new NewTicket(TicketKind.Query, ContactChannel.Whatsapp, "Hola", "¿Tienen cobertura en Guadalupe?", null,
            new ContactInfo("Ana López", "+524921234567", null)), null, Actor.System, SourceKeys.WhatsApp("wamid.X1"), AreaHint: "facturacion");

        var (first, second, again) = await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var first = await intake.FileInAsync(db, request, CancellationToken.None);
            var second = await intake.FileInAsync(db, request, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return (first, second, await intake.RegisterAsync(request));
        });

        Assert.False(first.AlreadyFiled);
        Assert.True(second.AlreadyFiled);
        Assert.True(again.AlreadyFiled);
        Assert.Same(first.Ticket, second.Ticket);
        Assert.Equal(first.Ticket.Folio, again.Ticket.Folio);
        var stored = await app.WithDbAsync(db => db.Tickets.Include(t => t.Area).SingleAsync());
        Assert.Equal("facturacion", stored.Area?.Code);
    }
}
