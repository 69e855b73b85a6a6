using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Data;

namespace Ventanilla.Tickets.Outcomes;

/// <summary>The follow-up's own columns on the tickets table, kept beside the rules that use them.</summary>
internal sealed class TicketOutcomeConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.Property(t => t.Outcome).HasConversion<WireEnumConverter<AreaOutcome>>().HasMaxLength(32);
        b.Property(t => t.OutcomeText).HasMaxLength(Ticket.OutcomeTextLength);
    }
}
