using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Ventanilla.Attachments;
using Ventanilla.Data;
using Ventanilla.Intake;
using Ventanilla.Messaging;
using Ventanilla.Provider;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// The self-service conversation, one user message at a time: the menu, filing a ticket, a folio's
/// status, the closure question, and the ticket the user's messages join. Its state lives in
/// <see cref="WhatsAppConversation"/>, and every message's effect (a ticket it filed included) is saved
/// together with the key that marks the message as seen, so a redelivered message does nothing twice.
/// </summary>
internal sealed partial class ConversationBot(VentanillaDbContext db, TicketIntake intake, MediaFetcher media, ProviderDirectory provider,
    AttachmentIntake attachments, AttachmentPolicy policy, WriteGate gate, TimeProvider clock, ILogger<ConversationBot> log)
{
    private IDbContextTransaction? filing;
    private IDisposable? turn;

    /// <summary>Handles one message, leaving its effect in the context for the caller to save; answers the ticket it joined or created, if any.</summary>
    public async Task<long?> HandleAsync(InboundWhatsApp message, DateTime receivedAt, CancellationToken ct)
    {
        var seen = WhatsAppSeen.MessageKey(message.Id);
        if (message.Id.Length == 0 || await db.WhatsAppSeen.AnyAsync(s => s.Key == seen, ct))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // The window counts from when the user wrote, but never from a clock ahead of ours.
        var sentAt = message.SentAt == DateTime.UnixEpoch || message.SentAt > receivedAt ? receivedAt : message.SentAt;
        var content = MessageContent.Of(message);
        // Downloaded before anything changes: if Meta's server fails, the message is retried whole.
        var fetched = content.IsMedia ? await media.FetchAsync(content, ct) : null;

        var conversation = await ConversationOfAsync(message.From, sentAt, ct);
        if (conversation.SubscriberId is null && conversation.Phone is { } phone
            && await SubscriberMatcher.FindAsync(db, null, phone, null, ct) is { } match)
        {
            conversation.Identify(match.Id);
        }

        var ticket = await OpenTicketAsync(conversation, ct);
        long? ticketId;
        if (ticket is not null)
        {
            await JoinAsync(ticket, conversation, content, fetched, now, ct);
            await OnTicketAsync(conversation, ticket, content, now, ct);
            ticketId = ticket.Id;
        }
        else
        {
            ticketId = await WithoutTicketAsync(conversation, message, content, fetched, now, ct);
        }

        db.WhatsAppSeen.Add(WhatsAppSeen.Of(seen, now));
        return ticketId;
    }

    private async Task<WhatsAppConversation> ConversationOfAsync(WhatsAppUser user, DateTime sentAt, CancellationToken ct)
    {
        // The user id is the stable key when there is one; a phone's WhatsApp id otherwise.
        var conversation = await db.WhatsAppConversations
            .Where(c => (user.UserId != null && c.UserId == user.UserId) || (user.WaId != null && c.WaId == user.WaId))
            .OrderBy(c => c.UserId == user.UserId ? 0 : 1).FirstOrDefaultAsync(ct);
        if (conversation is null)
        {
            // Saved with the message's effect; filing a ticket saves it first, for the id tickets are filed under.
            conversation = WhatsAppConversation.Start(user, sentAt, clock.GetUtcNow().UtcDateTime);
            db.WhatsAppConversations.Add(conversation);
            return conversation;
        }

        conversation.Heard(user, sentAt);
        return conversation;
    }

    /// <summary>The ticket the user's messages join: the one they are on, unless it ended.</summary>
    private async Task<Ticket?> OpenTicketAsync(WhatsAppConversation conversation, CancellationToken ct)
    {
        if (conversation.TicketId is not { } id)
        {
            return null;
        }

        var ticket = await db.Tickets.Include(t => t.Subscriber).SingleAsync(t => t.Id == id, ct);
        if (ticket.Status is TicketStatus.Closed or TicketStatus.Cancelled)
        {
            conversation.Release();
            return null;
        }

        return ticket;
    }

    private async Task JoinAsync(Ticket ticket, WhatsAppConversation conversation, MessageContent content, FetchedMedia? fetched, DateTime now, CancellationToken ct)
    {
        ticket.AddMessage(inbound: true, ContactChannel.Whatsapp, Limit(content.Text), conversation.Actor, now);
        if (content.Place is { } place)
        {
            ticket.SetVisitLocation(place.Latitude, place.Longitude, place.ToString(), conversation.Actor, now);
        }

        if (content.IsMedia)
        {
            await AttachAsync(ticket, content, fetched, conversation.Actor, now, ct);
        }
    }

    private async Task OnTicketAsync(WhatsAppConversation conversation, Ticket ticket, MessageContent content, DateTime now, CancellationToken ct)
    {
        if (conversation.IsTakenOver)
        {
            // A person is talking with them: the bot says nothing more on this ticket.
            return;
        }

        if (ticket.Status == TicketStatus.Notified || conversation.Step == ConversationStep.AwaitingReopenReason)
        {
            // Only the folio's owner confirms or reopens it: the same owner the status query answers to.
            if (!await FolioQuery.OwnsAsync(db, conversation, ticket, ct))
            {
                ticket.AddNote(BotTexts.UnverifiedClosure(conversation.Address), conversation.Actor, now);
                return;
            }

            Closure(conversation, ticket, content, now);
            return;
        }

        if (FolioQuery.Find(content.Text) is { } folio)
        {
            await AnswerStatusAsync(conversation, folio, now, ct);
        }
    }

    private void Closure(WhatsAppConversation conversation, Ticket ticket, MessageContent content, DateTime now)
    {
        if (conversation.Step == ConversationStep.AwaitingReopenReason && content.ChoiceId is null && content.Text.Trim().Length > 0)
        {
            if (ticket.ChangeStatus(new StatusChange(TicketStatus.Reopened, Limit(content.Text.Trim())), conversation.Actor, now) is null)
            {
                Say(conversation, BotTexts.Reopened(ticket), ticket, now);
            }

            conversation.MoveTo(ConversationStep.OnTicket);
            return;
        }

        switch (content.ChoiceId)
        {
            case BotTexts.Fixed when ticket.ChangeStatus(new StatusChange(TicketStatus.Closed, Confirmation: SubscriberConfirmation.Confirmed),
                conversation.Actor, now) is null:
                Say(conversation, BotTexts.ThanksClosed, ticket, now);
                conversation.Release();
                return;
            case BotTexts.NotFixed:
                conversation.MoveTo(ConversationStep.AwaitingReopenReason);
                Say(conversation, BotTexts.AskWhatFails, ticket, now);
                return;
            default:
                Say(conversation, BotTexts.AskClosure(ticket), ticket, now, BotTexts.Closure);
                return;
        }
    }

    /// <summary>Queues a message of the bot; on a ticket it is also written on the timeline.</summary>
    private void Say(WhatsAppConversation conversation, string text, Ticket? ticket, DateTime now, IReadOnlyList<Choice>? choices = null)
    {
        var message = OutboxMessage.ToContact(ContactChannel.Whatsapp, conversation.Address, text, ticket?.Id, now);
        if (choices is not null)
        {
            message.Offer(choices);
        }

        db.Outbox.Add(message);
        ticket?.AddMessage(inbound: false, ContactChannel.Whatsapp, text, BotTexts.Bot, now);
    }

    /// <summary>
    /// Saves the message's effect: in the transaction filing opened, committed now, or in this
    /// process's write turn when nothing was filed.
    /// </summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        if (filing is null)
        {
            await gate.SaveAsync(db, ct);
            return;
        }

        await db.SaveChangesAsync(ct);
        await filing.CommitAsync(ct);
        await EndAsync();
    }

    /// <summary>Ends what filing opened; a transaction not committed by then is rolled back, with nothing of the message kept.</summary>
    public async Task EndAsync()
    {
        if (filing is not null)
        {
            await filing.DisposeAsync();
            filing = null;
        }

        turn?.Dispose();
        turn = null;
    }

    // Filing allocates a folio, and the counter row stays locked until the message's effect commits;
    // on SQLite, which locks the whole file, this process's write turn is held as long.
    private async Task BeginFilingAsync(CancellationToken ct)
    {
        if (filing is not null)
        {
            return;
        }

        turn = await gate.EnterAsync(ct);
        try
        {
            filing = await db.Database.BeginTransactionAsync(ct);
        }
        catch
        {
            await EndAsync();
            throw;
        }
    }

    private static string Limit(string text) =>
        text.Length > TicketLimits.Description ? text[..TicketLimits.Description] : text.Length == 0 ? "(mensaje vacío)" : text;
}
