using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Tickets;

namespace Ventanilla.Deadlines.Rules;

/// <summary>
/// A stretch the ticket waited on the subscriber. Kept whatever the rules say, so a rule that
/// starts pausing later can count the waits that already happened.
/// </summary>
public sealed class TicketPause
{
    private TicketPause()
    {
    }

    public TicketPause(long ticketId, DateTime from)
    {
        TicketId = ticketId;
        From = from;
    }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public DateTime From { get; private set; }
    public DateTime? To { get; private set; }

    public void End(DateTime at) => To = at < From ? From : at;

    public (DateTime From, DateTime? To) Span => (From, To);
}

internal sealed class TicketPauseConfiguration : IEntityTypeConfiguration<TicketPause>
{
    public void Configure(EntityTypeBuilder<TicketPause> b)
    {
        b.ToTable("ticket_pauses");
        b.HasOne<Ticket>().WithMany().HasForeignKey(p => p.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.TicketId, p.From });
    }
}
