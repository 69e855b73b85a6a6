using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Deadlines.Rules;

/// <summary>
/// One row that says which edit of the calendars and rules is current, and how far the open
/// tickets have been brought up to it: the recompute job walks tickets by id from the cursor, so
/// a restart continues where it stopped instead of starting over.
/// </summary>
public sealed class FollowUpRevision
{
    public const int SingleId = 1;

    public int Id { get; private set; } = SingleId;
    public int Revision { get; private set; }
    public int AppliedRevision { get; private set; }
    public long CursorTicketId { get; private set; }

    /// <summary>An administrator changed something tickets' deadlines depend on.</summary>
    public void Bump()
    {
        Revision++;
        CursorTicketId = 0;
    }

    /// <summary>
    /// An administrator changed rules no deadline depends on. Nothing is recomputed, but a first edit
    /// still leaves revision 0, which start-up reads as "never edited, seed the defaults": deleting
    /// every routing rule must not bring them back at the next start.
    /// </summary>
    public void MarkEdited()
    {
        if (Revision == 0)
        {
            Revision = 1;
            AppliedRevision = 1;
        }
    }
}

internal sealed class FollowUpRevisionConfiguration : IEntityTypeConfiguration<FollowUpRevision>
{
    public void Configure(EntityTypeBuilder<FollowUpRevision> b)
    {
        b.ToTable("follow_up_revision");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasData(new { Id = FollowUpRevision.SingleId, Revision = 0, AppliedRevision = 0, CursorTicketId = 0L });
    }
}
