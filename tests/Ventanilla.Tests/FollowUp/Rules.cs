using Ventanilla.Deadlines;
using Ventanilla.Deadlines.Calendars;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Routing;
using Ventanilla.Tickets;

namespace Ventanilla.Tests.FollowUp;

/// <summary>Rule snapshots as a fresh install has them, to change one piece at a time.</summary>
internal static class Rules
{
    public static readonly string[] AreaCodes = ["servicio_al_cliente", "tecnica", "facturacion", "comercial", "cancelaciones"];

    public static FollowUpSnapshot Seeded(
        IEnumerable<DeadlineRule>? deadlines = null,
        IEnumerable<RoutingRule>? routing = null,
        string zone = Calendars.MexicoCity,
        double atRiskShare = Deadline.DefaultAtRiskAt,
        Action<Dictionary<string, BusinessCalendar>>? calendars = null)
    {
        var seeded = CalendarSeeds.For(zone, AreaCodes.Select(c => (c, c))).ToDictionary(c => c.Code, c => c.Calendar);
        calendars?.Invoke(seeded);
        var areas = AreaCodes.Select((code, i) =>
        {
            var (mode, slot) = RoutingSeeds.ForArea(code);
            return new AreaInfo(i + 1, code, code, mode, slot);
        }).ToDictionary(a => a.Code);
        var routingRules = (routing ?? RoutingSeeds.Rules()).ToList();
        return new FollowUpSnapshot(1, seeded, new DeadlineRules([.. deadlines ?? DeadlineRules.Defaults.Rules]), routingRules, areas, atRiskShare);
    }

    public static NewTicket Report(TicketKind kind, string text = "Reporte", ContactChannel channel = ContactChannel.Phone,
        string? address = null, TicketPriority priority = TicketPriority.Normal) =>
        new(kind, channel, text, text, address, new ContactInfo("Ana", null, null), priority);
}
