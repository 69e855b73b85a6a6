using Ventanilla.Intake;
using Ventanilla.Messaging;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Tests;

public class ReceiptTests
{
    private static ProviderOptions Netmas()
    {
        var provider = new ProviderOptions();
        provider.FillDefaults();
        return provider;
    }

    [Fact]
    public void For_PhoneReport_QueuesEmailAndWhatsAppWithFolioKindDateAndContent()
    {
        var ticket = Tickets.New(TicketKind.Fault);

        var receipts = Receipts.For(ticket, Netmas(), Tickets.Now).ToList();

        Assert.Equal([ContactChannel.Email, ContactChannel.Whatsapp], receipts.Select(r => r.Channel));
        var email = receipts[0];
        Assert.Equal("juan@example.mx", email.Recipient);
        Assert.Equal("[Folio NM-2026-000001] Recibimos tu falla", email.Subject);
        Assert.Contains("Folio: NM-2026-000001", email.Body, StringComparison.Ordinal);
        Assert.Contains("Tipo: falla", email.Body, StringComparison.Ordinal);
        // 15:00 UTC is 09:00 in Mexico City, which keeps UTC-6 all year.
        Assert.Contains("Fecha: 26/11/2026 09:00", email.Body, StringComparison.Ordinal);
        Assert.Contains("el módem parpadea", email.Body, StringComparison.Ordinal);
        Assert.Contains("492-47-81-000", email.Body, StringComparison.Ordinal);
        Assert.Contains("contacto@netmas.mx", email.Body, StringComparison.Ordinal);
        Assert.Equal("+524921234567", receipts[1].Recipient);
        Assert.All(receipts, r => Assert.Equal(OutboxState.Pending, r.State));
    }

    [Fact]
    public void For_WebReportWithOnlyAPhone_QueuesTheWhatsAppReceiptTheFormPromises()
    {
        var ticket = Ticket.Register(new Folio("NM", 2026, 2),
            new NewTicket(TicketKind.Query, ContactChannel.Web, "Duda", "¿Cuánto cuesta?", null, new ContactInfo("Ana", "+524921234567", null)),
            null, Tickets.Agent, Tickets.Now);

        var receipt = Assert.Single(Receipts.For(ticket, Netmas(), Tickets.Now));

        Assert.Equal((ContactChannel.Whatsapp, "+524921234567", "received"), (receipt.Channel, receipt.Recipient, receipt.Event));
    }

    [Fact]
    public void For_InPersonReportWithOnlyAPhone_QueuesNothingWritten()
    {
        var ticket = Ticket.Register(new Folio("NM", 2026, 3),
            new NewTicket(TicketKind.Query, ContactChannel.InPerson, "Duda", "¿Cuánto cuesta?", null, new ContactInfo("Ana", "+524921234567", null)),
            null, Tickets.Agent, Tickets.Now);

        Assert.Empty(Receipts.For(ticket, Netmas(), Tickets.Now));
    }
}
