using Ventanilla.Deadlines;
using Ventanilla.Deadlines.Calendars;
using Ventanilla.Tickets;
using static Ventanilla.Tests.Calendars;

namespace Ventanilla.Tests.FollowUp;

/// <summary>Each deadline rule, on the calendar it counts on, as intake and the clock keeper ask for it.</summary>
public class SnapshotClockTests
{
    private static readonly (DateTime, DateTime?)[] NoPauses = [];

    [Fact]
    public void A_fault_must_be_repaired_within_24_hours_whatever_the_day()
    {
        var reported = MexicoCityTime(2026, 3, 14, 21); // a Saturday night
        var clock = Rules.Seeded().Clock(DeadlineKind.Resolution, TicketKind.Fault, ContactChannel.Phone, "tecnica", TicketPriority.Normal, reported, NoPauses)!;

        Assert.Equal(reported.AddHours(24), clock.Due);
        Assert.Equal(reported.AddHours(18), clock.AtRisk);
    }

    [Fact]
    public void A_complaint_is_answered_within_15_business_days_skipping_the_2026_rest_day()
    {
        var reported = MexicoCityTime(2026, 3, 13, 10);
        var clock = Rules.Seeded().Clock(DeadlineKind.Resolution, TicketKind.Complaint, ContactChannel.Email, "servicio_al_cliente", TicketPriority.Normal, reported, NoPauses)!;

        Assert.Equal(MexicoCityTime(2026, 4, 6, 10), clock.Due);
    }

    [Fact]
    public void A_complaint_in_2030_skips_October_1_when_the_new_president_takes_office()
    {
        var reported = MexicoCityTime(2030, 9, 27, 10); // a Friday
        var clock = Rules.Seeded().Clock(DeadlineKind.Resolution, TicketKind.Complaint, ContactChannel.Web, null, TicketPriority.Normal, reported, NoPauses)!;

        // 15 business days is October 18 without the rest day; October 1, 2030 is a Tuesday.
        Assert.Equal(MexicoCityTime(2030, 10, 21, 10), clock.Due);
    }

    [Fact]
    public void A_cancellation_folio_is_due_at_once()
    {
        var reported = MexicoCityTime(2026, 5, 4, 12);
        var clock = Rules.Seeded().Clock(DeadlineKind.FirstResponse, TicketKind.Cancellation, ContactChannel.Phone, "cancelaciones", TicketPriority.Normal, reported, NoPauses)!;

        Assert.Equal((reported, reported), (clock.Due, clock.AtRisk));
        Assert.Equal(0, clock.Rule.Amount);
    }

    [Fact]
    public void A_reconnection_in_the_technical_area_is_due_in_48_hours_and_elsewhere_has_no_term()
    {
        var reported = MexicoCityTime(2026, 5, 4, 12);
        var rules = Rules.Seeded();

        Assert.Equal(reported.AddHours(48), rules.Clock(DeadlineKind.Resolution, TicketKind.Other, ContactChannel.Phone, "tecnica", TicketPriority.Normal, reported, NoPauses)!.Due);
        Assert.Null(rules.Clock(DeadlineKind.Resolution, TicketKind.Other, ContactChannel.Phone, "comercial", TicketPriority.Normal, reported, NoPauses));
    }

    [Theory]
    [InlineData(DeadlineKind.WrittenReceipt)]
    [InlineData(DeadlineKind.AgreementConfirmation)]
    public void The_written_receipt_and_the_confirmation_of_agreements_take_5_business_days(DeadlineKind what)
    {
        var reported = MexicoCityTime(2026, 3, 13, 10); // Friday; Monday the 16th is a rest day
        var clock = Rules.Seeded().Clock(what, TicketKind.Fault, ContactChannel.Phone, null, TicketPriority.Normal, reported, NoPauses)!;

        Assert.Equal(MexicoCityTime(2026, 3, 23, 10), clock.Due);
    }

    [Fact]
    public void A_first_response_in_business_hours_counts_on_the_call_centers_shift_across_its_closing()
    {
        var rule = new DeadlineRule(TicketKind.Query, DeadlineKind.FirstResponse, 2, DeadlineUnit.BusinessHours);
        var reported = MexicoCityTime(2026, 3, 14, 21, 30); // Saturday, half an hour before closing

        var clock = Rules.Seeded([rule]).Clock(DeadlineKind.FirstResponse, TicketKind.Query, ContactChannel.Phone, null, TicketPriority.Normal, reported, NoPauses)!;

        // Half an hour on Saturday; Sunday opens at 09:00 for the other hour and a half.
        Assert.Equal(MexicoCityTime(2026, 3, 15, 10, 30), clock.Due);
    }

    [Fact]
    public void A_first_response_by_email_counts_on_a_calendar_open_day_and_night()
    {
        var rule = new DeadlineRule(TicketKind.Query, DeadlineKind.FirstResponse, 2, DeadlineUnit.BusinessHours);
        var reported = MexicoCityTime(2026, 3, 14, 23);

        var clock = Rules.Seeded([rule]).Clock(DeadlineKind.FirstResponse, TicketKind.Query, ContactChannel.Email, null, TicketPriority.Normal, reported, NoPauses)!;

        Assert.Equal(reported.AddHours(2), clock.Due);
    }

    [Fact]
    public void A_resolution_in_business_hours_counts_on_the_areas_hours_in_the_areas_time_zone()
    {
        var rule = new DeadlineRule(TicketKind.Fault, DeadlineKind.Resolution, 4, DeadlineUnit.BusinessHours, AreaCode: "tecnica");
        // Field crews in Tijuana, Monday to Saturday 08:00–20:00 Pacific time (UTC−7 in March 2026, after the US change).
        var rules = Rules.Seeded([rule], calendars: c => c[WorkCalendar.ForArea("tecnica")] = CalendarSeeds.ForArea("tecnica", Tijuana));
        var reported = Utc(2026, 3, 14, 2); // Friday 19:00 in Tijuana

        var clock = rules.Clock(DeadlineKind.Resolution, TicketKind.Fault, ContactChannel.Phone, "tecnica", TicketPriority.Normal, reported, NoPauses)!;

        // One hour on Friday, three from Saturday 08:00: Saturday 11:00 in Tijuana.
        Assert.Equal(Utc(2026, 3, 14, 18), clock.Due);
    }

    [Fact]
    public void A_pausing_rule_moves_its_due_time_and_its_at_risk_point_by_the_wait()
    {
        var rule = new DeadlineRule(TicketKind.Fault, DeadlineKind.Resolution, 24, DeadlineUnit.CalendarHours, PausesWhileWaitingOnSubscriber: true);
        var reported = Utc(2026, 3, 10, 12);
        (DateTime, DateTime?)[] waited = [(reported.AddHours(2), reported.AddHours(5))];

        var clock = Rules.Seeded([rule]).Clock(DeadlineKind.Resolution, TicketKind.Fault, ContactChannel.Phone, null, TicketPriority.Normal, reported, waited)!;

        Assert.Equal(reported.AddHours(27), clock.Due);
        Assert.Equal(reported.AddHours(21), clock.AtRisk);
    }

    [Fact]
    public void While_the_subscriber_is_awaited_a_pausing_clock_has_no_due_time()
    {
        var rule = new DeadlineRule(TicketKind.Fault, DeadlineKind.Resolution, 24, DeadlineUnit.CalendarHours, PausesWhileWaitingOnSubscriber: true);
        var reported = Utc(2026, 3, 10, 12);

        var clock = Rules.Seeded([rule]).Clock(DeadlineKind.Resolution, TicketKind.Fault, ContactChannel.Phone, null, TicketPriority.Normal, reported,
            [(reported.AddHours(2), null)])!;

        Assert.Equal((null, null), (clock.Due, clock.AtRisk));
    }

    [Fact]
    public void A_rule_that_does_not_pause_ignores_the_waits()
    {
        var reported = Utc(2026, 3, 10, 12);

        var clock = Rules.Seeded().Clock(DeadlineKind.Resolution, TicketKind.Fault, ContactChannel.Phone, null, TicketPriority.Normal, reported,
            [(reported.AddHours(2), reported.AddHours(5))])!;

        Assert.Equal(reported.AddHours(24), clock.Due);
    }

    [Fact]
    public void The_at_risk_share_is_the_providers_setting()
    {
        var reported = Utc(2026, 3, 10, 12);

        var clock = Rules.Seeded(atRiskShare: 0.5).Clock(DeadlineKind.Resolution, TicketKind.Fault, ContactChannel.Phone, null, TicketPriority.Normal, reported, NoPauses)!;

        Assert.Equal(reported.AddHours(12), clock.AtRisk);
    }

    [Fact]
    public void An_area_and_priority_rule_beats_the_kinds_rule()
    {
        DeadlineRule[] rules =
        [
            new(TicketKind.Fault, DeadlineKind.Resolution, 24, DeadlineUnit.CalendarHours),
            new(TicketKind.Fault, DeadlineKind.Resolution, 8, DeadlineUnit.CalendarHours, AreaCode: "tecnica"),
            new(TicketKind.Fault, DeadlineKind.Resolution, 4, DeadlineUnit.CalendarHours, AreaCode: "tecnica", Priority: TicketPriority.Urgent),
        ];
        var reported = Utc(2026, 3, 10, 12);
        var snapshot = Rules.Seeded(rules);

        Assert.Equal(reported.AddHours(4), snapshot.Clock(DeadlineKind.Resolution, TicketKind.Fault, ContactChannel.Phone, "tecnica", TicketPriority.Urgent, reported, NoPauses)!.Due);
        Assert.Equal(reported.AddHours(8), snapshot.Clock(DeadlineKind.Resolution, TicketKind.Fault, ContactChannel.Phone, "tecnica", TicketPriority.Normal, reported, NoPauses)!.Due);
        Assert.Equal(reported.AddHours(24), snapshot.Clock(DeadlineKind.Resolution, TicketKind.Fault, ContactChannel.Phone, null, TicketPriority.Urgent, reported, NoPauses)!.Due);
    }
}
