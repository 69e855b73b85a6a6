using System.Globalization;
namespace Ventanilla.Visits;

/// <summary>
/// A home visit by a technician for a ticket. Visits are never deleted: a rescheduled one stays,
/// marked so, and its replacement names it.
/// </summary>
public sealed class Visit
{
    public const int TextLength = 4_000;

    private Visit()
    {
    }

    public Visit(long ticketId, string technicianId, VisitWindow window, string scheduledById, DateTime now, long? rescheduledFromId = null)
    {
        TicketId = ticketId;
        TechnicianId = technicianId;
        Window = window.Kind;
        Day = window.Day;
        StartsAt = window.StartsAt;
        EndsAt = window.EndsAt;
        Status = VisitStatus.Scheduled;
        ScheduledById = scheduledById;
        CreatedAt = now;
        RescheduledFromId = rescheduledFromId;
        Version = 1;
    }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public string TechnicianId { get; private set; } = "";
    public VisitWindowKind Window { get; private set; }

    /// <summary>The visit's day in the provider's zone: technicians' days are listed and locked by it.</summary>
    public DateOnly Day { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }

    /// <summary>The window as a day list shows it, in the provider's zone: "8:00–14:00".</summary>
    public string Hours(TimeZoneInfo zone) => string.Create(CultureInfo.InvariantCulture,
        $"{TimeZoneInfo.ConvertTimeFromUtc(StartsAt, zone):H:mm}–{TimeZoneInfo.ConvertTimeFromUtc(EndsAt, zone):H:mm}");
    public VisitStatus Status { get; private set; }
    public DateTime? ArrivedAt { get; private set; }
    public string? Result { get; private set; }
    public string? Notes { get; private set; }
    public string? MissedReason { get; private set; }
    public DateTime? ServiceRestoredAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    public long? RescheduledFromId { get; private set; }
    public string ScheduledById { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Visits that hold their window: a missed or rescheduled one frees it for another booking.</summary>
    public static readonly VisitStatus[] Holding = [VisitStatus.Scheduled, VisitStatus.Arrived, VisitStatus.Done];

    public bool IsPending => Status is VisitStatus.Scheduled or VisitStatus.Arrived;

    public string? Arrive(DateTime now)
    {
        if (Status != VisitStatus.Scheduled)
        {
            return "Solo se registra la llegada a una visita programada.";
        }

        Status = VisitStatus.Arrived;
        ArrivedAt = now;
        Version++;
        return null;
    }

    /// <summary>The technician's report of the visit: what was found and done, and when the service came back, if it did.</summary>
    public string? Complete(string result, string? notes, DateTime? serviceRestoredAt, DateTime now)
    {
        if (!IsPending)
        {
            return "Esta visita ya no está pendiente.";
        }

        if (string.IsNullOrWhiteSpace(result))
        {
            return "Escribe el resultado de la visita.";
        }

        if (serviceRestoredAt > now)
        {
            return "La hora en que se restableció el servicio no puede estar en el futuro.";
        }

        Status = VisitStatus.Done;
        ArrivedAt ??= now;
        Result = result.Trim();
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        ServiceRestoredAt = serviceRestoredAt;
        FinishedAt = now;
        Version++;
        return null;
    }

    public string? Miss(string reason, DateTime now)
    {
        if (!IsPending)
        {
            return "Esta visita ya no está pendiente.";
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Escribe por qué no se pudo realizar la visita.";
        }

        Status = VisitStatus.Missed;
        MissedReason = reason.Trim();
        FinishedAt = now;
        Version++;
        return null;
    }

    /// <summary>Frees the window; the new visit that replaces this one names it.</summary>
    public string? MarkRescheduled(DateTime now)
    {
        if (Status is VisitStatus.Done or VisitStatus.Rescheduled)
        {
            return Status == VisitStatus.Done ? "Una visita realizada no se reprograma; programa una nueva." : "Esta visita ya fue reprogramada.";
        }

        Status = VisitStatus.Rescheduled;
        FinishedAt = now;
        Version++;
        return null;
    }
}
