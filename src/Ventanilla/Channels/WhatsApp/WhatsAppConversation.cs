using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>Where the self-service conversation with one WhatsApp user stands.</summary>
public enum ConversationStep { Start, Menu, AwaitingContract, AwaitingDescription, AwaitingFolio, OnTicket, AwaitingReopenReason }

/// <summary>
/// One WhatsApp user and the bot's conversation with them, kept in the database so that a restart,
/// or another node, picks it up where it was. A user is known by up to three things that must not be
/// mixed: the WhatsApp id (<c>wa_id</c>, digits as WhatsApp writes them, <c>521…</c> for Mexican
/// mobiles), the business-scoped user id (which users with a username may have alone) and the phone
/// in E.164 (<c>+52…</c>), which is what subscribers are matched by.
/// </summary>
public sealed class WhatsAppConversation
{
    private WhatsAppConversation()
    {
    }

    public long Id { get; private set; }
    public string? WaId { get; private set; }
    public string? UserId { get; private set; }
    public string? Phone { get; private set; }
    public string? ProfileName { get; private set; }
    public long? SubscriberId { get; private set; }
    public ConversationStep Step { get; private set; }

    /// <summary>What the subscriber chose to file, while the bot asks for the rest.</summary>
    public TicketKind? PendingKind { get; private set; }

    /// <summary>The open ticket the user's messages join.</summary>
    public long? TicketId { get; private set; }

    /// <summary>Staff took this conversation over: the bot keeps quiet until the ticket ends.</summary>
    public string? TakenOverBy { get; private set; }

    /// <summary>The start of the 24-hour customer-service window: free text may be sent until a day after it.</summary>
    public DateTime? LastInboundAt { get; private set; }

    /// <summary>
    /// Bumped on every change: two nodes acting on the same conversation at once cannot both save,
    /// and the one that loses retries its message on what the other left.
    /// </summary>
    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Who the bot's messages go to: the phone's WhatsApp id when there is one, otherwise the user id.</summary>
    public string Address => Phone ?? UserId ?? WaId ?? "";

    /// <summary>The actor a ticket filed through this conversation is created by; also how ownership is proven without a phone.</summary>
    public Actor Actor => new($"whatsapp:{Id}", ProfileName ?? Address);

    public bool IsTakenOver => TakenOverBy is not null;

    public static WhatsAppConversation Start(WhatsAppUser user, DateTime heardAt, DateTime now)
    {
        var conversation = new WhatsAppConversation { CreatedAt = now, Step = ConversationStep.Start };
        conversation.Heard(user, heardAt);
        return conversation;
    }

    /// <summary>A message from the user: it opens (or keeps open) the 24-hour window and fills in what we did not know.</summary>
    public void Heard(WhatsAppUser user, DateTime at)
    {
        WaId = user.WaId ?? WaId;
        UserId = user.UserId ?? UserId;
        Phone = user.Phone ?? Phone;
        ProfileName = user.Name ?? ProfileName;
        if (LastInboundAt is null || at > LastInboundAt)
        {
            LastInboundAt = at;
        }

        Version++;
    }

    public void Identify(long subscriberId)
    {
        SubscriberId = subscriberId;
        Version++;
    }

    public void MoveTo(ConversationStep step, TicketKind? kind = null)
    {
        Step = step;
        PendingKind = kind;
        Version++;
    }

    public void Follow(long ticketId)
    {
        TicketId = ticketId;
        Step = ConversationStep.OnTicket;
        PendingKind = null;
        Version++;
    }

    /// <summary>The ticket ended: the next message starts over with the menu, and the bot speaks again.</summary>
    public void Release()
    {
        TicketId = null;
        TakenOverBy = null;
        Step = ConversationStep.Start;
        PendingKind = null;
        Version++;
    }

    /// <summary>A person answers from now on: a staff member who took it, or the subscriber who asked for one.</summary>
    public void TakeOver(string by)
    {
        TakenOverBy = by;
        Version++;
    }
}

internal sealed class WhatsAppConversationConfiguration : IEntityTypeConfiguration<WhatsAppConversation>
{
    public void Configure(EntityTypeBuilder<WhatsAppConversation> b)
    {
        b.ToTable("whatsapp_conversations");
        b.Ignore(c => c.Address);
        b.Ignore(c => c.Actor);
        b.Ignore(c => c.IsTakenOver);
        b.Property(c => c.WaId).HasMaxLength(32);
        b.Property(c => c.UserId).HasMaxLength(160);
        b.Property(c => c.Phone).HasMaxLength(32);
        b.Property(c => c.ProfileName).HasMaxLength(200);
        b.Property(c => c.TakenOverBy).HasMaxLength(450);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Step).HasConversion<Data.WireEnumConverter<ConversationStep>>().HasMaxLength(32);
        b.HasIndex(c => c.WaId).IsUnique();
        b.HasIndex(c => c.UserId).IsUnique();
        b.HasIndex(c => c.Phone);
        b.HasIndex(c => c.TicketId);
        b.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Restrict);
    }
}
