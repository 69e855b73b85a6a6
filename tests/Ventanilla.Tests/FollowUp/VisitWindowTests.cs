using Ventanilla.Visits;

namespace Ventanilla.Tests.FollowUp;

public class VisitWindowTests
{
    private static readonly TimeZoneInfo Mexico = TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City");
    private static readonly TimeZoneInfo Tijuana = TimeZoneInfo.FindSystemTimeZoneById("America/Tijuana");
    private static readonly DateOnly Day = new(2026, 3, 3);

    private static VisitWindow Exact(string from, string to) =>
        VisitWindow.Exact(Day, TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), Mexico).Window!;

    [Fact]
    public void Morning_and_afternoon_are_8_to_14_and_14_to_20_in_the_provider_zone()
    {
        var morning = VisitWindow.Morning(Day, Mexico);
        var afternoon = VisitWindow.Afternoon(Day, Mexico);

        // Mexico City is UTC−6 all year.
        Assert.Equal((new DateTime(2026, 3, 3, 14, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 3, 20, 0, 0, DateTimeKind.Utc)),
            (morning.StartsAt, morning.EndsAt));
        Assert.Equal(new DateTime(2026, 3, 4, 2, 0, 0, DateTimeKind.Utc), afternoon.EndsAt);
    }

    [Fact]
    public void A_border_zone_keeps_the_local_hours_across_daylight_saving()
    {
        var winter = VisitWindow.Morning(new DateOnly(2026, 1, 13), Tijuana);
        var summer = VisitWindow.Morning(new DateOnly(2026, 7, 14), Tijuana);

        Assert.Equal(16, winter.StartsAt.Hour);
        Assert.Equal(15, summer.StartsAt.Hour);
    }

    [Fact]
    public void Back_to_back_windows_do_not_overlap()
    {
        var morning = VisitWindow.Morning(Day, Mexico);
        var afternoon = VisitWindow.Afternoon(Day, Mexico);

        Assert.False(morning.Overlaps(afternoon.StartsAt, afternoon.EndsAt));
        Assert.False(afternoon.Overlaps(morning.StartsAt, morning.EndsAt));
    }

    [Theory]
    [InlineData("13:00", "15:00", true, true)]
    [InlineData("09:00", "10:00", true, false)]
    [InlineData("14:00", "14:30", false, true)]
    [InlineData("20:00", "21:00", false, false)]
    public void An_exact_slot_overlaps_each_window_it_shares_time_with(string from, string to, bool morning, bool afternoon)
    {
        var slot = Exact(from, to);

        Assert.Equal(morning, slot.Overlaps(VisitWindow.Morning(Day, Mexico).StartsAt, VisitWindow.Morning(Day, Mexico).EndsAt));
        Assert.Equal(afternoon, slot.Overlaps(VisitWindow.Afternoon(Day, Mexico).StartsAt, VisitWindow.Afternoon(Day, Mexico).EndsAt));
    }

    [Theory]
    [InlineData("11:00", "10:00", "posterior")]
    [InlineData("10:00", "10:00", "posterior")]
    [InlineData("10:00", "10:10", "15 minutos")]
    public void An_exact_slot_that_is_not_one_is_refused_in_Spanish(string from, string to, string says)
    {
        var (window, problem) = VisitWindow.Exact(Day, TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), Mexico);

        Assert.Null(window);
        Assert.Contains(says, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_subscriber_reads_the_window_as_a_Spanish_date_and_hours()
    {
        var morning = VisitWindow.Morning(Day, Mexico);

        Assert.Equal("martes 3 de marzo de 2026, de 8:00 a 14:00", VisitWindow.Describe(morning.StartsAt, morning.EndsAt, Mexico));
    }
}
