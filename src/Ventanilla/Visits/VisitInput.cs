using System.Globalization;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Tickets;
using Ventanilla.Web;

namespace Ventanilla.Visits;

/// <summary>A visit to book, as the API or the ticket page sends it.</summary>
public sealed record VisitRequest(string? Technician, string? Day, string? Window, string? From = null, string? To = null);

/// <summary>A technician's report of a visit: arrived, done or missed.</summary>
public sealed record VisitReportRequest(string? Outcome, string? Result = null, string? Notes = null, string? Reason = null,
    DateTime? ServiceRestoredAt = null);

public sealed record VisitResponse(long Id, string Folio, string TechnicianId, string Window, string Day, DateTime StartsAt, DateTime EndsAt,
    string Status, DateTime? ArrivedAt, string? Result, string? Notes, string? MissedReason, DateTime? ServiceRestoredAt, long? RescheduledFromId)
{
    public static VisitResponse From(Visit v, string folio) => new(v.Id, folio, v.TechnicianId, Wire.Name(v.Window),
        v.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.StartsAt, v.EndsAt, Wire.Name(v.Status), v.ArrivedAt, v.Result,
        v.Notes, v.MissedReason, v.ServiceRestoredAt, v.RescheduledFromId);
}

/// <summary>Reads and checks a visit request, field by field, in Spanish.</summary>
public static class VisitInput
{
    public static async Task<(StaffMember? Technician, VisitWindow? Window)> ReadAsync(VentanillaDbContext db, VisitRequest request,
        TimeZoneInfo zone, DateTime now, FieldErrors errors, CancellationToken ct)
    {
        var technician = await TicketStaff.FindInRoleAsync(db, "technician", request.Technician, VisitBooking.TechnicianRoles, errors, ct);
        if (technician is null && Text.Clean(request.Technician) is null)
        {
            errors.Add("technician", "Elige al técnico que hará la visita.");
        }

        var kind = errors.Enum<VisitWindowKind>("window", request.Window);
        DateOnly? day = null;
        if (!DateOnly.TryParseExact(request.Day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            errors.Add("day", "Escribe el día de la visita como AAAA-MM-DD.");
        }
        else if (parsed < DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone)))
        {
            errors.Add("day", "El día de la visita ya pasó.");
        }
        else
        {
            day = parsed;
        }

        if (kind is null || day is not { } date)
        {
            return (technician, null);
        }

        switch (kind.Value)
        {
            case VisitWindowKind.Morning:
                return (technician, VisitWindow.Morning(date, zone));
            case VisitWindowKind.Afternoon:
                return (technician, VisitWindow.Afternoon(date, zone));
        }

        var from = Time("from", request.From, errors);
        var to = Time("to", request.To, errors);
        if (from is null || to is null)
        {
            return (technician, null);
        }

        var (window, problem) = VisitWindow.Exact(date, from.Value, to.Value, zone);
        if (problem is not null)
        {
            errors.Add("to", problem);
        }

        return (technician, window);
    }

    private static TimeOnly? Time(string field, string? text, FieldErrors errors)
    {
        if (TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, "Para un horario exacto escribe la hora de inicio y la de fin como HH:MM.");
        return null;
    }
}
