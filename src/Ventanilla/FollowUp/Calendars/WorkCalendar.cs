using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Tickets;
using Ventanilla.Web;

namespace Ventanilla.FollowUp.Calendars;

/// <summary>
/// A business calendar as the provider keeps it: the legal one that business-day terms count on,
/// one per contact channel (first answers), and one per area (its work, its members' shifts).
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
