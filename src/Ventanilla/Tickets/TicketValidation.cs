using Ventanilla.Subscribers;
using Ventanilla.Web;

namespace Ventanilla.Tickets;

/// <summary>Checks a new report field by field; nothing is written unless all of it holds.</summary>
public static class TicketValidation
{
    public sealed record ValidReport(
        TicketKind Kind, ContactChannel Channel, string? Subject, string Description, string? Address,
        TicketPriority Priority, DateTime? ReportedAt, ContactInfo Contact);

    public static ValidReport? Check(CreateTicketRequest request, DateTime now, FieldErrors errors)
    {
        var kind = errors.Enum<TicketKind>("kind", request.Kind);
        var channel = errors.Enum<ContactChannel>("channel", request.Channel);
        var priority = errors.Enum<TicketPriority>("priority", request.Priority, required: false) ?? TicketPriority.Normal;
        var subject = errors.Text("subject", request.Subject, TicketLimits.Subject);
        var description = errors.Text("description", request.Description, TicketLimits.Description, required: true);
        var address = errors.Text("address", request.Address, 500);
        var reportedAt = errors.PastMoment("reportedAt", request.ReportedAt, now);

        var contact = CheckContact(request.Subscriber, errors);
        if (errors.Any || kind is null || channel is null || description is null)
        {
            return null;
        }

        return new ValidReport(kind.Value, channel.Value, subject, description, address, priority, reportedAt, contact);
    }

    private static ContactInfo CheckContact(ContactRequest? request, FieldErrors errors)
    {
        if (request is null)
        {
            errors.Add("subscriber", "Indica quién reporta: su nombre y un teléfono o correo, o su número de contrato.");
            return new ContactInfo(null, null, null);
        }

        var name = errors.Text("subscriber.name", request.Name, 200);
        var account = errors.Text("subscriber.accountNumber", request.AccountNumber, 40)?.ToUpperInvariant();
        string? phone = null;
        if (Web.Text.Clean(request.Phone) is { } rawPhone)
        {
            phone = MexicanPhones.Normalize(rawPhone);
            if (phone is null)
            {
                errors.Add("subscriber.phone", $"«{rawPhone}» no es un teléfono válido; escribe los 10 dígitos, p. ej. 492 478 1000.");
            }
        }

        string? email = null;
        if (Web.Text.Clean(request.Email) is { } rawEmail)
        {
            email = EmailAddresses.Normalize(rawEmail);
            if (email is null)
            {
                errors.Add("subscriber.email", $"«{rawEmail}» no es un correo electrónico válido.");
            }
        }

        return new ContactInfo(name, phone, email, account);
    }

    /// <summary>A report must leave us a name and a way to answer, from the request or the matched subscriber.</summary>
    public static void CheckReachable(ContactInfo contact, SubscriberMatch? subscriber, FieldErrors errors)
    {
        var reachable = contact.Phone is not null || contact.Email is not null
            || subscriber is { Reachable: true };
        if (!reachable)
        {
            errors.Add("subscriber", "Indica un teléfono o un correo para responder al suscriptor.");
        }

        if (contact.Name is null && subscriber is null)
        {
            errors.Add("subscriber.name", "Indica el nombre de quien reporta.");
        }
    }
}
