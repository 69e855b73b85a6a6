using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Intake;
using Ventanilla.Messaging;
using Ventanilla.Provider;
using Ventanilla.Staff;
using Ventanilla.Tickets;

namespace Ventanilla.Demo;

/// <summary>Registers the planned tickets through the same intake as the API, then tells each one's story.</summary>
internal static class DemoTickets
{
    public static async Task<int> CreateAsync(IServiceProvider services, IReadOnlyList<DemoTicket> plans, DemoCast cast, Random random, DateTime now)
    {
        var provider = services.GetRequiredService<ProviderDirectory>();
        var zone = provider.Current.Zone;
        // An intake of our own, on a clock we move to each report's moment in the past.
        var clock = new DemoClock(now);
        using var intake = new TicketIntake(services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<FolioAllocator>(), provider, services.GetRequiredService<Deadlines.Rules.FollowUpDirectory>(),
            services.GetRequiredService<Attachments.AttachmentIntake>(), clock);
        await intake.StartAsync(CancellationToken.None);
        var ids = new List<long>(plans.Count);
        try
        {
            foreach (var plan in plans)
            {
                var agent = cast.Agent(random);
                clock.Now = plan.ReportedAt;
                var registered = (await intake.RegisterAsync(new IntakeRequest(Report(plan, random), plan.Subscriber?.Id, CreatedBy(plan, agent, cast)))).Ticket;
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
                var ticket = await db.Tickets.Include(t => t.Subscriber).AsSplitQuery().FirstAsync(t => t.Id == registered.Id);
                new DemoStory(ticket, plan, cast, agent, random, now, zone).Tell();
                await db.SaveChangesAsync();
                ids.Add(ticket.Id);
            }
        }
        finally
        {
            await intake.StopAsync(CancellationToken.None);
        }

        await MarkReceiptsSentAsync(services, ids);
        return ids.Count;
    }

    private static NewTicket Report(DemoTicket plan, Random random)
    {
        var subscriber = plan.Subscriber;
        var (subject, description) = (plan.Channel, subscriber) switch
        {
            (ContactChannel.Api, _) => ("Módem sin enlace óptico", string.Create(CultureInfo.InvariantCulture,
                $"El monitoreo de red detectó el módem del contrato {subscriber?.AccountNumber} sin enlace óptico (LOS) durante más de 15 minutos.")),
            // People who are not subscribers yet ask whether the service reaches them.
            (_, null) => DemoTexts.Reports(TicketKind.Query)[0],
            _ => DemoSubscribers.Pick(DemoTexts.Reports(plan.Kind), random),
        };
        var contact = subscriber is null ? Prospect(plan.Channel, random) : new ContactInfo(subscriber.FullName,
            subscriber.Phones.FirstOrDefault()?.Number,
            plan.Channel is ContactChannel.Email or ContactChannel.Web ? subscriber.Emails.FirstOrDefault()?.Address : null,
            subscriber.AccountNumber);
        if (contact.Phone is null && contact.Email is null)
        {
            contact = contact with { Email = subscriber?.Emails.FirstOrDefault()?.Address };
        }

        var address = plan.Kind == TicketKind.Fault && subscriber?.Addresses.FirstOrDefault() is { } a
            ? $"{a.Street}, col. {a.Neighborhood}, {a.Municipality}, {a.State}, C.P. {a.PostalCode}"
            : null;
        var priority = plan.Kind == TicketKind.Suggestion ? TicketPriority.Low : TicketPriority.Normal;
        return new NewTicket(plan.Kind, plan.Channel, subject, description, address, contact, priority, plan.ReportedAt);
    }

    /// <summary>Someone who is not a subscriber yet, asking about the service.</summary>
    private static ContactInfo Prospect(ContactChannel channel, Random random)
    {
        var first = DemoSubscribers.Pick(DemoPlaces.FirstNames, random);
        var surname = DemoSubscribers.Pick(DemoPlaces.Surnames, random);
        var phone = DemoSubscribers.Phone(DemoPlaces.Zacatecas, random);
        var email = channel is ContactChannel.Email or ContactChannel.Web ? DemoSubscribers.Email(first, surname, random) : null;
        return new ContactInfo($"{first} {surname}", phone, email);
    }

    private static Actor CreatedBy(DemoTicket plan, StaffMember agent, DemoCast cast) => plan.Channel switch
    {
        ContactChannel.Phone or ContactChannel.InPerson => DemoCast.As(agent),
        ContactChannel.Api => cast.Monitoring,
        _ => Actor.System,
    };

    // The receipts were queued by the real intake; marking them sent keeps any channel worker from
    // writing to made-up people, and matches a demo where every subscriber got their folio.
    private static async Task MarkReceiptsSentAsync(IServiceProvider services, List<long> ids)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        await db.Outbox.Where(o => o.TicketId != null && ids.Contains(o.TicketId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.Sent)
                .SetProperty(o => o.SentAt, o => o.CreatedAt)
                .SetProperty(o => o.Attempts, 1));
    }
}
