using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Tickets;

namespace Ventanilla.Messaging;

/// <summary>What WhatsApp adds to an outbound message: answer buttons, delivery reports, and messages that belong to no ticket yet.</summary>
public sealed partial class OutboxMessage
{
    /// <summary>Reply buttons or list rows to offer with the text, as JSON <c>[{"Id":"…","Title":"…"}]</c>.</summary>
    public string? Choices { get; private set; }

    /// <summary>A message of the conversation before (or outside) any ticket: the menu, a question, a folio's status.</summary>
    public static OutboxMessage ToContact(ContactChannel channel, string recipient, string body, long? ticketId, DateTime now) =>
        Queue(ticketId, channel, OutboxKind.Reply, recipient, null, body, now);

    public OutboxMessage Offer(IReadOnlyList<Choice> choices)
    {
        Choices = System.Text.Json.JsonSerializer.Serialize(choices);
        return this;
    }

    public IReadOnlyList<Choice> OfferedChoices() =>
        Choices is null ? [] : System.Text.Json.JsonSerializer.Deserialize<Choice[]>(Choices) ?? [];

    /// <summary>
    /// Applies a delivery report. Reports arrive out of order (a <c>read</c> before its <c>delivered</c>),
    /// so a state only ever moves forward; false when the report changed nothing.
    /// </summary>
    public bool Advance(OutboxState reported, string? error, DateTime now)
    {
        if (Rank(reported) <= Rank(State) || (reported == OutboxState.Failed && State is OutboxState.Delivered or OutboxState.Read))
        {
            return false;
        }

        State = reported;
        SentAt ??= now;
        if (reported == OutboxState.Failed)
        {
            LastError = error is null ? null : Clip(error);
        }

        return true;
    }

    private static int Rank(OutboxState state) => state switch
    {
        OutboxState.Pending or OutboxState.Sending => 0,
        // An uncertain email that bounces was sent after all: the bounce settles it as failed.
        OutboxState.Sent or OutboxState.Uncertain => 1,
        OutboxState.Delivered => 2,
        OutboxState.Read => 3,
        OutboxState.Failed => 2,
        // Never sent: no report can be about them.
        _ => int.MaxValue,
    };
}

/// <summary>One answer the subscriber can tap: its id comes back in the reply, its title is what they see.</summary>
public sealed record Choice(string Id, string Title);

internal sealed class OutboxChoicesConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b) => b.Property(m => m.Choices).HasMaxLength(2000);
}
