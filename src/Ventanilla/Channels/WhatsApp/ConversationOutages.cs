using Ventanilla.Network.Outages;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>What the bot says first about an outage: a known subscriber under one hears it before the menu, and a linked report's folio answer says it.</summary>
internal sealed partial class ConversationBot
{
    /// <summary>The outage lines to say before the menu, or null when the subscriber is unknown or unaffected.</summary>
    private async Task<string?> OutagesFirstAsync(WhatsAppConversation conversation, DateTime now, CancellationToken ct)
    {
        if (conversation.SubscriberId is not { } id || await db.AffectingSubscriberAsync(id, now, ct) is not { Count: > 0 } outages)
        {
            return null;
        }

        return string.Join('\n', outages.Select(o => OutageTexts.InYourZone(o, provider.Current))) +
            " No necesitas reportarla: te avisaremos por aquí cuando se restablezca. Si quieres, de todos modos puedes elegir una opción.";
    }

    /// <summary>The folio answer, with the outage the report was linked to.</summary>
    private async Task<string> FiledAsync(Ticket ticket, CancellationToken ct) =>
        await OutageLinking.SentenceForAsync(db, ticket, provider.Current, ct) is { } outage
            ? BotTexts.Filed(ticket) + "\n\n" + outage
            : BotTexts.Filed(ticket);
}
