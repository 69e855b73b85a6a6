using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Web;

namespace Ventanilla.Tickets;

/// <summary>
/// Reads and checks a requested status change, the same for the API and the console, so that both
/// refuse the same input with the same words.
/// </summary>
internal static class StatusChangeInput
{
    /// <summary>The change as typed, or null with the reasons in <paramref name="errors"/>.</summary>
    public static StatusChange? Read(StatusRequest request, FieldErrors errors)
    {
        var to = errors.Enum<TicketStatus>("status", request.Status);
        var reason = errors.Text("reason", request.Reason, 1000);
        var confirmation = errors.Enum<SubscriberConfirmation>("confirmation", request.Confirmation, required: false);
        if (confirmation == SubscriberConfirmation.NotFixed)
        {
            errors.Add("confirmation", "Si no quedó resuelto, reabre el folio (status reopened) en lugar de cerrarlo.");
        }

        Folio? duplicateOf = null;
        if (Text.Clean(request.DuplicateOf) is { } rawDuplicate && !Folio.TryParse(rawDuplicate, out duplicateOf))
        {
            errors.Add("duplicateOf", $"«{rawDuplicate}» no es un folio.");
        }

        return errors.Any || to is null ? null : new StatusChange(to.Value, reason, duplicateOf?.ToString(), confirmation);
    }

    /// <summary>Whether <paramref name="ticket"/> can take the change: a living survivor, and every field the move needs.</summary>
    public static async Task<bool> CheckAsync(VentanillaDbContext db, Ticket ticket, StatusChange change, FieldErrors errors, CancellationToken ct)
    {
        if (change.DuplicateOf is { } survivor && !await CheckSurvivor(db, ticket, survivor, errors, ct))
        {
            return false;
        }

        foreach (var field in ticket.FieldsRequiredFor(change.To, change))
        {
            errors.Add(field, MissingFieldMessage(field, change.To));
        }

        return !errors.Any;
    }

    private static async Task<bool> CheckSurvivor(VentanillaDbContext db, Ticket ticket, string survivor, FieldErrors errors, CancellationToken ct)
    {
        if (survivor == ticket.Folio)
        {
            errors.Add("duplicateOf", "Un folio no puede ser duplicado de sí mismo.");
            return false;
        }

        var status = await db.Tickets.Where(t => t.Folio == survivor).Select(t => (TicketStatus?)t.Status).FirstOrDefaultAsync(ct);
        if (status is null)
        {
            errors.Add("duplicateOf", $"No existe el folio «{survivor}».");
        }
        else if (status == TicketStatus.Cancelled)
        {
            errors.Add("duplicateOf", $"El folio «{survivor}» está cancelado; indica el que sigue vivo.");
        }

        return !errors.Any;
    }

    // The field name says which value is missing; the words say what to ask the subscriber or write.
    private static string MissingFieldMessage(string field, TicketStatus to) => (field, to) switch
    {
        ("reason", TicketStatus.Cancelled) => "Indica el motivo de la cancelación (p. ej. spam o duplicado).",
        ("reason", TicketStatus.Resolved) => "Indica la respuesta que se dio al suscriptor.",
        ("reason", TicketStatus.Reopened) => "Anota lo que dijo el suscriptor: por qué no quedó resuelto.",
        ("confirmation", _) => "Indica si el suscriptor confirmó la reparación o si no respondió.",
        _ => "Este campo es obligatorio.",
    };
}
