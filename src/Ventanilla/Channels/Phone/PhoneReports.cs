using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Intake;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;
using Ventanilla.Web;

namespace Ventanilla.Channels.Phone;

/// <summary>What the agent typed while the subscriber is on the line.</summary>
public sealed class PhoneReportForm
{
    public string Kind { get; set; } = "fault";
    public string? Description { get; set; }
    public string? Address { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? AccountNumber { get; set; }

    /// <summary>Made with the form: the same form submitted twice (a double click, a retried request) files one ticket.</summary>
    public string Token { get; } = Guid.NewGuid().ToString("N");
}

/// <summary>The folio and where its written receipt is going.</summary>
public sealed record PhoneReportResult(Ticket Ticket, IReadOnlyList<(ContactChannel Channel, string Recipient)> Receipts, bool NewSubscriber);

/// <summary>Registers a report taken by phone, creating the caller as a subscriber when unknown.</summary>
public static class PhoneReports
{
    public static async Task<(PhoneReportResult? Result, FieldErrors Errors)> RegisterAsync(
        VentanillaDbContext db, TicketIntake intake, PhoneReportForm form, long? chosenSubscriber, Actor actor, DateTime now, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var request = new CreateTicketRequest(form.Kind, Wire.Name(ContactChannel.Phone), null, form.Description, form.Address,
            new ContactRequest(form.AccountNumber, form.Name, form.Phone, form.Email));
        if (TicketValidation.Check(request, now, errors) is not { } report)
        {
            return (null, errors);
        }

        var contact = report.Contact;
        var match = chosenSubscriber is { } id
            ? new SubscriberMatch(id, true)
            : await SubscriberMatcher.FindAsync(db, contact.AccountNumber, contact.Phone, contact.Email, ct);
        TicketValidation.CheckReachable(contact, match, errors);
        if (errors.Any)
        {
            return (null, errors);
        }

        var created = match is null && contact.Name is not null;
        if (created)
        {
            var subscriber = Subscriber.Create(new SubscriberDetails(contact.AccountNumber, contact.Name!,
                contact.Phone is null ? [] : [contact.Phone], contact.Email is null ? [] : [contact.Email], [],
                report.Address is null ? [] : [new ServiceAddress(report.Address, null, null, null, null, null)],
                null, null, null, false, false), now);
            db.Subscribers.Add(subscriber);
            await db.SaveChangesAsync(ct);
            match = new SubscriberMatch(subscriber.Id, true);
        }

        var filed = await intake.RegisterAsync(new IntakeRequest(new NewTicket(report.Kind, ContactChannel.Phone,
            IntakeSubject.Of(null, report.Description), report.Description, report.Address, contact, report.Priority, now),
            match?.Id, actor, SourceKeys.Phone(form.Token)));
        var ticket = filed.Ticket;
        var receipts = await db.Outbox.AsNoTracking().Where(m => m.TicketId == ticket.Id)
            .Select(m => new { m.Channel, m.Recipient }).ToListAsync(ct);
        return (new PhoneReportResult(ticket, [.. receipts.Select(r => (r.Channel, r.Recipient))], created), errors);
    }
}
