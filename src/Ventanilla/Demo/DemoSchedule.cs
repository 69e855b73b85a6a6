using Ventanilla.Subscribers;
using Ventanilla.Tickets;
using static Ventanilla.Tickets.TicketStatus;

namespace Ventanilla.Demo;

/// <summary>
/// Decides what each demo ticket is: when it came in, on which channel, of which kind, from whom,
/// and how far along the procedure it has gone. Old reports are mostly closed, recent ones open,
/// and every status and every channel appears at least once.
/// </summary>
internal static class DemoSchedule
{
    public const int Count = 120;
    public const int Days = 60;

    private static readonly TicketKind[] Routable = [TicketKind.Clarification, TicketKind.Complaint, TicketKind.Cancellation, TicketKind.Other];

    public static IReadOnlyList<DemoTicket> Plan(IReadOnlyList<Subscriber> subscribers, Random random, DateTime now, TimeZoneInfo zone)
    {
        var times = Enumerable.Range(0, Count).Select(_ => ReportTime(random, now, zone)).Order().ToArray();
        var statuses = times.Select(t => Weighted(random, StatusesFor((now - t).TotalDays))).ToArray();
        foreach (var missing in Enum.GetValues<TicketStatus>().Where(s => !statuses.Contains(s)).ToArray())
        {
            Replace(statuses, missing, random);
        }

        var tickets = new DemoTicket[Count];
        for (var i = 0; i < Count; i++)
        {
            var kind = KindFor(statuses[i], random);
            var channel = Weighted(random, ChannelsFor(kind));
            var prospect = kind == TicketKind.Query && channel is not ContactChannel.Api && random.Next(2) == 0;
            tickets[i] = new DemoTicket(times[i], kind, channel, statuses[i], prospect ? null : DemoSubscribers.Pick(subscribers, random));
        }

        // A fault report from network monitoring and a report at the counter, at least once each.
        foreach (var channel in Enum.GetValues<ContactChannel>().Where(c => tickets.All(t => t.Channel != c)))
        {
            var index = Array.FindLastIndex(tickets, t => t.Kind == TicketKind.Fault && t.Subscriber is not null
                && tickets.Count(o => o.Channel == t.Channel) > 1);
            tickets[index] = tickets[index] with { Channel = channel };
        }

        return tickets;
    }

    private static DateTime ReportTime(Random random, DateTime now, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date;
        // Weighted towards recent days, so the inbox has open work and the archive has history.
        var daysAgo = (int)(Days * Math.Pow(random.NextDouble(), 2.2));
        // Most reports arrive while people are awake; WhatsApp and email also at night.
        var hour = random.Next(10) < 9 ? random.Next(7, 22) : random.Next(0, 24);
        var local = today.AddDays(-daysAgo).AddHours(hour).AddMinutes(random.Next(60));
        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        // A moment later today becomes the same hour yesterday, without drawing again: the same seed
        // draws the same numbers at any time of day.
        return utc < now.AddMinutes(-20) ? utc : utc.AddDays(-1);
    }

    private static (TicketStatus, int)[] StatusesFor(double ageDays) => ageDays switch
    {
        < 1 => [(Registered, 40), (InProgress, 25), (WaitingOnSubscriber, 10), (Diagnosing, 15), (Routed, 5), (Cancelled, 5)],
        < 4 => [(InProgress, 15), (Diagnosing, 15), (VisitScheduled, 15), (WaitingOnSubscriber, 10), (Routed, 15), (Resolved, 15), (Notified, 10), (Cancelled, 5)],
        < 15 => [(InProgress, 5), (WaitingOnSubscriber, 5), (VisitScheduled, 7), (Routed, 8), (Resolved, 10), (Notified, 12), (Closed, 43), (Reopened, 4), (Cancelled, 6)],
        _ => [(Closed, 84), (Cancelled, 8), (Reopened, 2), (Notified, 3), (Resolved, 3)],
    };

    /// <summary>Gives a missing status to a ticket whose status others share: an open one to a recent report.</summary>
    private static void Replace(TicketStatus[] statuses, TicketStatus missing, Random random)
    {
        var candidates = Enumerable.Range(0, statuses.Length)
            .Where(i => statuses.Count(s => s == statuses[i]) > 1).ToArray();
        var open = missing is Registered or InProgress or Diagnosing or WaitingOnSubscriber or VisitScheduled or Routed;
        var older = candidates.Take(candidates.Length * 3 / 4).ToArray();
        statuses[open ? candidates[^(1 + random.Next(5))] : older[random.Next(older.Length)]] = missing;
    }

    private static TicketKind KindFor(TicketStatus status, Random random)
    {
        if (status is Diagnosing or VisitScheduled)
        {
            return TicketKind.Fault;
        }

        if (status is Reopened)
        {
            return random.Next(5) == 0 ? TicketKind.Clarification : TicketKind.Fault;
        }

        if (status is Routed)
        {
            return Routable[random.Next(Routable.Length)];
        }

        return Weighted(random, [(TicketKind.Fault, 55), (TicketKind.Query, 9), (TicketKind.Doubt, 5), (TicketKind.Clarification, 11),
            (TicketKind.Complaint, 9), (TicketKind.Suggestion, 3), (TicketKind.Cancellation, 5), (TicketKind.Other, 3)]);
    }

    private static (ContactChannel, int)[] ChannelsFor(TicketKind kind) => kind == TicketKind.Fault
        ? [(ContactChannel.Phone, 35), (ContactChannel.Whatsapp, 28), (ContactChannel.Email, 10), (ContactChannel.Web, 10),
            (ContactChannel.InPerson, 5), (ContactChannel.Api, 12)]
        : [(ContactChannel.Phone, 35), (ContactChannel.Whatsapp, 25), (ContactChannel.Email, 17), (ContactChannel.Web, 13),
            (ContactChannel.InPerson, 10)];

    private static T Weighted<T>(Random random, (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}

/// <summary>One demo ticket as planned, before it is registered and walked through the procedure.</summary>
internal sealed record DemoTicket(DateTime ReportedAt, TicketKind Kind, ContactChannel Channel, TicketStatus Target, Subscriber? Subscriber);
