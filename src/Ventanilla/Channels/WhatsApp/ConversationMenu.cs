using Microsoft.EntityFrameworkCore;
using Ventanilla.Intake;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>The conversation before there is a ticket: the menu and the questions that lead to one.</summary>
internal sealed partial class ConversationBot
{
    private async Task<long?> WithoutTicketAsync(WhatsAppConversation conversation, InboundWhatsApp message, MessageContent content,
        FetchedMedia? fetched, DateTime now, CancellationToken ct)
    {
        if (conversation.IsTakenOver)
        {
            return null;
        }

        if (FolioQuery.Find(content.Text) is { } asked)
        {
            await AnswerStatusAsync(conversation, asked, now, ct);
            conversation.MoveTo(ConversationStep.Menu);
            return null;
        }

        switch (conversation.Step)
        {
            case ConversationStep.Menu when MenuChoice(content) is { } choice:
                return await ChooseAsync(conversation, choice, message, now, ct);
            case ConversationStep.AwaitingContract:
                await ContractAsync(conversation, content.Text.Trim(), now, ct);
                return null;
            case ConversationStep.AwaitingDescription when content.Text.Trim().Length > 0:
                var kind = conversation.PendingKind ?? TicketKind.Query;
                var ticket = await FileAsync(conversation, kind, content.Text.Trim(), message, now, ct);
                if (content.Place is { } place)
                {
                    ticket.SetVisitLocation(place.Latitude, place.Longitude, place.ToString(), conversation.Actor, now);
                }

                if (content.IsMedia)
                {
                    await AttachAsync(ticket, content, fetched, conversation.Actor, now, ct);
                }

                Say(conversation, await FiledAsync(ticket, ct), ticket, now);
                return ticket.Id;
            default:
                if (await OutagesFirstAsync(conversation, now, ct) is { } outages)
                {
                    Say(conversation, outages, null, now);
                }

                Say(conversation, BotTexts.Welcome(provider.Current.Name, conversation.ProfileName), null, now, BotTexts.Menu);
                conversation.MoveTo(ConversationStep.Menu);
                return null;
        }
    }

    // A tap on the list, or the option's number or words typed by hand.
    private static string? MenuChoice(MessageContent content)
    {
        if (content.ChoiceId is { } id && BotTexts.Menu.Any(c => c.Id == id))
        {
            return id;
        }

        var text = content.Text.Trim().TrimEnd('.');
        for (var i = 0; i < BotTexts.Menu.Length; i++)
        {
            if (text == (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) || string.Equals(text, BotTexts.Menu[i].Title, StringComparison.OrdinalIgnoreCase))
            {
                return BotTexts.Menu[i].Id;
            }
        }

        return null;
    }

    private async Task<long?> ChooseAsync(WhatsAppConversation conversation, string choice, InboundWhatsApp message, DateTime now, CancellationToken ct)
    {
        switch (choice)
        {
            case BotTexts.Folio:
                conversation.MoveTo(ConversationStep.AwaitingFolio);
                Say(conversation, BotTexts.AskFolio, null, now);
                return null;
            case BotTexts.Person:
                var ticket = await FileAsync(conversation, TicketKind.Query, "El suscriptor pidió hablar con una persona por WhatsApp.", message, now, ct);
                Say(conversation, BotTexts.PersonComing(ticket), ticket, now);
                conversation.TakeOver("subscriber-request");
                return ticket.Id;
            default:
                var kind = choice switch
                {
                    BotTexts.Report => TicketKind.Fault,
                    BotTexts.Cancel => TicketKind.Cancellation,
                    _ => TicketKind.Query,
                };
                if (conversation.SubscriberId is null)
                {
                    conversation.MoveTo(ConversationStep.AwaitingContract, kind);
                    Say(conversation, BotTexts.AskContract, null, now);
                    return null;
                }

                conversation.MoveTo(ConversationStep.AwaitingDescription, kind);
                Say(conversation, BotTexts.AskDescription(kind), null, now);
                return null;
        }
    }

    private async Task ContractAsync(WhatsAppConversation conversation, string text, DateTime now, CancellationToken ct)
    {
        var kind = conversation.PendingKind ?? TicketKind.Query;
        if (string.Equals(text, "OMITIR", StringComparison.OrdinalIgnoreCase))
        {
            conversation.MoveTo(ConversationStep.AwaitingDescription, kind);
            Say(conversation, BotTexts.AskDescription(kind), null, now);
            return;
        }

        var account = text.Length is > 0 and <= 40 ? text : null;
        if (await SubscriberMatcher.FindAsync(db, account, null, null, ct) is not { } match)
        {
            Say(conversation, BotTexts.ContractNotFound, null, now);
            return;
        }

        conversation.Identify(match.Id);
        conversation.MoveTo(ConversationStep.AwaitingDescription, kind);
        Say(conversation, BotTexts.AskDescription(kind), null, now);
    }

    /// <summary>
    /// Files the ticket in this message's own transaction, keyed by the message: the ticket, the
    /// conversation's state, the folio answer, the seen key and the processed mark commit together, so a
    /// worker that stops before the commit leaves nothing, and the message retried files it once.
    /// </summary>
    private async Task<Ticket> FileAsync(WhatsAppConversation conversation, TicketKind kind, string description, InboundWhatsApp message,
        DateTime now, CancellationToken ct)
    {
        var subscriber = conversation.SubscriberId is { } id
            ? await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
            : null;
        var report = new NewTicket(kind, ContactChannel.Whatsapp, IntakeSubject.Of(null, description), Limit(description), null,
            new ContactInfo(conversation.ProfileName, conversation.Phone, null, subscriber?.AccountNumber), ReportedAt: now);
        await BeginFilingAsync(ct);
        if (db.Entry(conversation).State == EntityState.Added)
        {
            // A new conversation is stored first (in the same transaction): its id is the actor tickets are filed by.
            await db.SaveChangesAsync(ct);
        }

        var filed = await intake.FileInAsync(db, new IntakeRequest(report, conversation.SubscriberId, conversation.Actor, SourceKeys.WhatsApp(message.Id)), ct);
        conversation.Follow(filed.Ticket.Id);
        log.LogInformation("WhatsApp: folio {Folio} abierto por la conversación {Conversation}.", filed.Ticket.Folio, conversation.Id);
        return filed.Ticket;
    }

    private async Task AnswerStatusAsync(WhatsAppConversation conversation, Folio folio, DateTime now, CancellationToken ct)
    {
        var text = folio.ToString();
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Folio == text, ct);
        // The same answer for a folio that is not theirs and one that does not exist: a folio's existence is not public.
        var answer = ticket is not null && await FolioQuery.OwnsAsync(db, conversation, ticket, ct)
            ? BotTexts.Status(ticket, provider.Current.Zone)
            : BotTexts.NoSuchFolio(text);
        Say(conversation, answer, null, now);
    }
}
