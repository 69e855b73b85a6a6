using System.Globalization;
using Ventanilla.Staff;
using Ventanilla.Tickets;
using Ventanilla.Tickets.Outcomes;
using static Ventanilla.Tickets.TicketStatus;

namespace Ventanilla.Demo;

/// <summary>
/// Walks one registered ticket through the procedure to its planned status, with the entity's own
/// methods, so the demo data obeys every rule a person using the console would meet.
/// </summary>
internal sealed class DemoStory(Ticket ticket, DemoTicket plan, DemoCast cast, StaffMember agent, Random random, DateTime now, TimeZoneInfo zone)
{
    private static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");

    private readonly DateTime end = now.AddMinutes(-5);
    private DateTime at = ticket.CreatedAt;
    private TechnicalResolution? finding;

    private string FirstName => (plan.Subscriber?.FullName ?? ticket.Contact.Name ?? "").Split(' ')[0];

    private string RoutedArea => plan.Kind switch
    {
        TicketKind.Clarification => "facturacion",
        TicketKind.Cancellation => "cancelaciones",
        _ => "comercial",
    };

    public void Tell()
    {
        switch (plan.Target)
        {
            case Registered when random.Next(3) == 0 && plan.Channel is not (ContactChannel.Phone or ContactChannel.InPerson):
                MessageIn(DemoTexts.FollowUp(plan.Kind), 20, 600);
                break;
            case InProgress:
                Take();
                break;
            case Diagnosing:
                Take();
                Diagnose();
                break;
            case VisitScheduled:
                Take();
                Diagnose();
                ScheduleVisit();
                break;
            case WaitingOnSubscriber:
                Take();
                AskSubscriber();
                break;
            case Routed:
                Route();
                break;
            case Resolved:
                WorkToResolution();
                break;
            case Notified:
                WorkToResolution();
                Notify();
                break;
            case Closed:
                CloseWithSubscriber();
                break;
            case Reopened:
                CloseWithSubscriber();
                var (complaint, why) = Pick(DemoTexts.Reopens(plan.Kind));
                MessageIn(complaint, 1_440, 4_320);
                Move(Reopened, why, agent, 10, 120);
                break;
            case Cancelled:
                if (random.Next(2) == 0)
                {
                    Take();
                }

                Move(Cancelled, Pick(DemoTexts.CancelReasons), agent, 10, 240);
                break;
        }
    }

    private void Take()
    {
        var fault = plan.Kind == TicketKind.Fault;
        var priority = fault && random.Next(3) == 0 ? TicketPriority.High : (TicketPriority?)null;
        ticket.Assign(new Assignment(cast.Area(fault ? "tecnica" : "servicio_al_cliente"), agent, fault ? cast.Lead : null, priority),
            DemoCast.As(agent), Next(3, 90));
        Move(InProgress, null, agent, 1, 20);
        if (random.Next(2) == 0)
        {
            ticket.AddNote(Pick(DemoTexts.Notes(plan.Kind)), DemoCast.As(agent), Next(5, 60));
        }
    }

    private void Diagnose()
    {
        Move(Diagnosing, "Se revisa la potencia óptica y el estado del módem desde la OLT.", cast.Lead, 20, 300);
        ticket.AddNote(Pick(DemoTexts.Notes(plan.Kind)), DemoCast.As(cast.Lead), Next(5, 90));
    }

    private void ScheduleVisit()
    {
        var day = TimeZoneInfo.ConvertTimeFromUtc(at, zone).AddDays(1).ToString("dddd d 'de' MMMM", Mexico);
        Move(VisitScheduled, $"Visita a domicilio programada para el {day}, de 9:00 a 13:00.", cast.Lead, 30, 240);
        MessageOut($"Hola {FirstName}, programamos la visita de un técnico para el {day} entre 9:00 y 13:00. " +
            "Por favor que haya una persona mayor de edad en el domicilio.", 5, 60);
    }

    /// <summary>Asks the subscriber for something; returns the reply they will give if they answer.</summary>
    private string AskSubscriber()
    {
        var (reason, request, reply) = Pick(DemoTexts.Waits(plan.Kind));
        Move(WaitingOnSubscriber, reason, agent, 10, 180);
        MessageOut($"Hola {FirstName}, para avanzar con tu folio {ticket.Folio}: {request}", 1, 15);
        return reply;
    }

    private void Route()
    {
        if (random.Next(2) == 0)
        {
            Take();
        }

        var area = cast.Area(RoutedArea);
        ticket.Assign(new Assignment(area, null, null, null), DemoCast.As(agent), Next(5, 120));
        Move(Routed, $"Se turna a {area.Name} para su aclaración o atención.", agent, 1, 10);
    }

    private void WorkToResolution()
    {
        if (TicketLifecycle.NeedsNoTechnicalWork(plan.Kind))
        {
            MessageOut($"Hola {FirstName}. {DemoTexts.Replies.GetValueOrDefault(ticket.Subject, "Con gusto te ayudamos.")}", 10, 600);
            Move(Resolved, "Se dio respuesta al suscriptor.", agent, 1, 10);
            return;
        }

        if (plan.Kind != TicketKind.Fault)
        {
            Route();
            var person = cast.AreaPerson(RoutedArea);
            var (areaCause, areaCorrection, areaUpheld) = Pick(DemoTexts.AreaResolutions(plan.Kind));
            Resolve(areaCause, areaCorrection, areaUpheld, person, 240, 2_880);
            return;
        }

        Take();
        Diagnose();
        var visited = random.Next(5) < 2;
        if (visited)
        {
            ScheduleVisit();
        }

        if (random.Next(5) == 0)
        {
            MessageIn(AskSubscriber(), 30, 600);
            Move(InProgress, null, agent, 5, 60);
        }

        if (visited)
        {
            ticket.AddNote("Visita realizada: se revisó la instalación del domicilio y la caja de distribución.", DemoCast.As(cast.Technician), Next(600, 1_800));
        }

        var (cause, correction, upheld) = Pick(DemoTexts.FaultResolutions);
        Resolve(cause, correction, upheld, visited ? cast.Technician : cast.Lead, 20, 240);
    }

    private void Resolve(string cause, string correction, bool upheld, StaffMember by, int min, int max)
    {
        if (ticket.Kind == TicketKind.Cancellation && ticket.CancellationEffectiveOn is null)
        {
            // A cancellation is resolved once its effective date is known: the end of the month it was asked in.
            var asked = DateOnly.FromDateTime(ticket.ReportedAt);
            Check(ticket.SetCancellationDate(new DateOnly(asked.Year, asked.Month, DateTime.DaysInMonth(asked.Year, asked.Month)), DemoCast.As(by), ticket.LastActivityAt));
        }

        // Complaints and clarifications are settled by their area's outcome, as the rules ask before the notice.
        Check(Ticket.NeedsAreaOutcome(ticket.Kind)
            ? ticket.RecordOutcome(upheld ? (ticket.Kind == TicketKind.Complaint ? AreaOutcome.Conciliated : AreaOutcome.Clarified) : AreaOutcome.Rejected,
                correction, DemoCast.As(by), Next(min, max))
            : ticket.RecordResolution(cause, correction, upheld, null, DemoCast.As(by), Next(min, max)));
        finding = ticket.Resolution;
    }

    private void Notify()
    {
        if (finding is null)
        {
            MessageOut($"Hola {FirstName}, te confirmamos la respuesta a tu folio {ticket.Folio}. Quedamos a tus órdenes.", 30, 600);
            Told("Se confirmó la respuesta con el suscriptor.");
            return;
        }

        var verdict = finding.Upheld ? "procedente" : "improcedente";
        MessageOut($"Hola {FirstName}, te informamos sobre tu folio {ticket.Folio}. La causa fue: {finding.Cause.ToLowerInvariant()}. " +
            $"{finding.Correction} Tu reporte resultó {verdict}.", 30, 600);
        Told($"Se informó al suscriptor la causa y que su reporte fue {verdict}.");
    }

    private void CloseWithSubscriber()
    {
        WorkToResolution();
        if (TicketLifecycle.NeedsNotificationToClose(plan.Kind) || random.Next(2) == 0)
        {
            Notify();
        }

        var answered = random.Next(5) > 0;
        if (answered)
        {
            MessageIn(plan.Kind == TicketKind.Fault ? "Sí, ya funciona bien. Gracias." : "Muchas gracias por la atención.", 30, 1_440);
        }

        var confirmation = answered ? SubscriberConfirmation.Confirmed : SubscriberConfirmation.NoAnswer;
        var reason = answered ? "El suscriptor confirma la solución." : "Se llamó tres veces al suscriptor sin respuesta.";
        Move(Closed, reason, agent, 10, 2_880, confirmation);
    }

    private void Move(TicketStatus to, string? reason, StaffMember by, int min, int max, SubscriberConfirmation? confirmation = null) =>
        Check(ticket.ChangeStatus(new StatusChange(to, reason, Confirmation: confirmation), DemoCast.As(by), Next(min, max)));

    // The agent told the subscriber; notified is reached only that way, never by a plain move.
    private void Told(string how) => Check(ticket.Notify(DemoCast.As(agent), Next(1, 10), how));

    private void MessageOut(string body, int min, int max) =>
        ticket.AddMessage(inbound: false, MessageChannel, body, DemoCast.As(agent), Next(min, max));

    private void MessageIn(string body, int min, int max)
    {
        var who = plan.Subscriber is { } s
            ? new Actor(string.Create(CultureInfo.InvariantCulture, $"subscriber:{s.Id}"), s.FullName)
            : new Actor("contact", ticket.Contact.Name ?? "Contacto");
        ticket.AddMessage(inbound: true, MessageChannel, body, who, Next(min, max));
    }

    private ContactChannel MessageChannel => plan.Channel switch
    {
        ContactChannel.Whatsapp or ContactChannel.Email => plan.Channel,
        _ when plan.Subscriber is { WhatsAppIdentities.Count: > 0 } => ContactChannel.Whatsapp,
        _ => ContactChannel.Phone,
    };

    /// <summary>The next moment of the story: a natural pause, squeezed so the story ends before now.</summary>
    private DateTime Next(int minMinutes, int maxMinutes)
    {
        var gap = TimeSpan.FromMinutes(random.Next(minMinutes, maxMinutes + 1) + random.NextDouble());
        var room = end - at;
        if (gap > room / 2)
        {
            gap = room / 3;
        }

        at += gap;
        return at;
    }

    private T Pick<T>(IReadOnlyList<T> items) => DemoSubscribers.Pick(items, random);

    private static void Check(RuleViolation? violation)
    {
        if (violation is not null)
        {
            throw new InvalidOperationException($"The demo story broke a rule: {violation.Message}");
        }
    }
}
