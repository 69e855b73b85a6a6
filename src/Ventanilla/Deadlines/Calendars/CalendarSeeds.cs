using Ventanilla.Tickets;

namespace Ventanilla.Deadlines.Calendars;

/// <summary>The calendars of a fresh install: the demo provider's published hours, which each provider edits.</summary>
public static class CalendarSeeds
{
    public static IEnumerable<(string Code, string Name, BusinessCalendar Calendar)> For(string timeZoneId, IEnumerable<(string Code, string Name)> areas)
    {
        yield return (WorkCalendar.General, "Días hábiles (plazos legales)", BusinessCalendar.MexicanBusinessDays(timeZoneId));
        foreach (var channel in Enum.GetValues<ContactChannel>())
        {
            // Phone and counters keep the call center's hours; written channels take reports at any hour.
            var calendar = channel is ContactChannel.Phone or ContactChannel.InPerson
                ? BusinessCalendar.DemoCallCenter(timeZoneId)
                : BusinessCalendar.AlwaysOpen(timeZoneId);
            yield return (WorkCalendar.ForChannel(channel), "Canal: " + SpanishLabels.Of(channel), calendar);
        }

        foreach (var (code, name) in areas)
        {
            yield return OfArea(code, name, timeZoneId);
        }
    }

    /// <summary>The calendar an area starts with, whether seeded at install or created later in administration.</summary>
    public static (string Code, string Name, BusinessCalendar Calendar) OfArea(string areaCode, string areaName, string timeZoneId) =>
        (WorkCalendar.ForArea(areaCode), "Área: " + areaName, ForArea(areaCode, timeZoneId));

    /// <summary>
    /// Field crews work Monday to Saturday in daylight; customer service follows the call center;
    /// back offices keep office hours on legal business days.
    /// </summary>
    public static BusinessCalendar ForArea(string code, string timeZoneId) => code switch
    {
        DeadlineRules.TechnicalArea => new BusinessCalendar(timeZoneId,
            OpeningHours.MondayToSaturday(TimeSpan.FromHours(8), TimeSpan.FromHours(20)), mexicanRestDays: true),
        "servicio_al_cliente" => BusinessCalendar.DemoCallCenter(timeZoneId),
        _ => new BusinessCalendar(timeZoneId, OpeningHours.MondayToFriday(TimeSpan.FromHours(9), TimeSpan.FromHours(18)), mexicanRestDays: true),
    };
}
