using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Tickets;
using Ventanilla.Web;

namespace Ventanilla.Deadlines.Calendars;

/// <summary>
/// A business calendar as the provider keeps it: the legal one that business-day terms count on,
/// one per contact channel (first answers), one per area (its work, its members' hours), and the
/// staff shifts administrators add for people who work other hours than their area.
/// </summary>
public sealed class WorkCalendar
{
    /// <summary>Business days of the authority's terms: every hour of Monday to Friday, rest days excepted.</summary>
    public const string General = "general";

    private WorkCalendar()
    {
    }

    public WorkCalendar(string code, string name, BusinessCalendar calendar, DateTime now)
    {
        Code = code;
        Name = name;
        Set(calendar, now);
    }

    public int Id { get; private set; }

    /// <summary><c>general</c>, <c>canal:phone</c> or <c>area:tecnica</c>: what the calendar governs.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string TimeZoneId { get; private set; } = BusinessCalendar.DefaultTimeZoneId;

    /// <summary>In the form of <see cref="WeeklyHours.Format"/>.</summary>
    public string Hours { get; private set; } = "";
    public bool MexicanRestDays { get; private set; }

    /// <summary>The provider's extra closed dates, ISO dates separated by spaces.</summary>
    public string ExtraClosedDates { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    public static string ForChannel(ContactChannel channel) => "canal:" + Wire.Name(channel);

    public static string ForArea(string areaCode) => "area:" + areaCode;

    /// <summary>Calendars of staff shifts start so; people, not channels or areas, follow them.</summary>
    public const string ShiftPrefix = "turno:";

    public bool IsShift => Code.StartsWith(ShiftPrefix, StringComparison.Ordinal);

    /// <summary>A shift's code from its name, "Turno matutino" → <c>turno:turno-matutino</c>, not among <paramref name="taken"/>.</summary>
    public static string ForShift(string name, IReadOnlyCollection<string> taken)
    {
        var plain = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                plain.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && plain.Length > 0 && plain[^1] != '-')
            {
                plain.Append('-');
            }
        }

        var slug = plain.ToString().Trim('-');
        var stem = ShiftPrefix + (slug.Length == 0 ? "turno" : slug[..Math.Min(slug.Length, 48)]);
        var code = stem;
        for (var n = 2; taken.Contains(code); n++)
        {
            code = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }

        return code;
    }

    public void Rename(string name) => Name = name;

    public void Set(BusinessCalendar calendar, DateTime now)
    {
        TimeZoneId = calendar.TimeZoneId;
        Hours = WeeklyHours.Format(calendar.Hours);
        MexicanRestDays = calendar.MexicanRestDays;
        ExtraClosedDates = string.Join(' ', calendar.ExtraClosedDates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        UpdatedAt = now;
    }

    public BusinessCalendar ToCalendar() => new(
        TimeZoneId,
        WeeklyHours.Parse(Hours),
        MexicanRestDays,
        ExtraClosedDates.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
}

internal sealed class WorkCalendarConfiguration : IEntityTypeConfiguration<WorkCalendar>
{
    public void Configure(EntityTypeBuilder<WorkCalendar> b)
    {
        b.ToTable("business_calendars");
        b.Property(c => c.Code).HasMaxLength(60);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.TimeZoneId).HasMaxLength(64);
        b.Property(c => c.Hours).HasMaxLength(1000);
        b.Property(c => c.ExtraClosedDates).HasMaxLength(4000);
        b.HasIndex(c => c.Code).IsUnique();
    }
}
