using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Tickets;

namespace Ventanilla.Deadlines.Rules;

/// <summary>A <see cref="DeadlineRule"/> as stored and edited in administration.</summary>
public sealed class DeadlineRuleRow
{
    private DeadlineRuleRow()
    {
    }

    public DeadlineRuleRow(DeadlineRule rule, int position)
    {
        Position = position;
        Set(rule);
    }

    public int Id { get; private set; }

    /// <summary>Only breaks ties between equally specific rules: the first listed wins.</summary>
    public int Position { get; private set; }
    public TicketKind Kind { get; private set; }
    public DeadlineKind What { get; private set; }
    public int Amount { get; private set; }
    public DeadlineUnit Unit { get; private set; }
    public string? AreaCode { get; private set; }
    public TicketPriority? Priority { get; private set; }
    public bool PausesWhileWaitingOnSubscriber { get; private set; }

    public void Set(DeadlineRule rule)
    {
        Kind = rule.Kind;
        What = rule.What;
        Amount = rule.Amount;
        Unit = rule.Unit;
        AreaCode = rule.AreaCode;
        Priority = rule.Priority;
        PausesWhileWaitingOnSubscriber = rule.PausesWhileWaitingOnSubscriber;
    }

    public DeadlineRule ToRule() => new(Kind, What, Amount, Unit, AreaCode, Priority, PausesWhileWaitingOnSubscriber);
}

internal sealed class DeadlineRuleRowConfiguration : IEntityTypeConfiguration<DeadlineRuleRow>
{
    public void Configure(EntityTypeBuilder<DeadlineRuleRow> b)
    {
        b.ToTable("deadline_rules");
        b.Property(r => r.What).HasConversion<Data.WireEnumConverter<DeadlineKind>>().HasMaxLength(32);
        b.Property(r => r.Unit).HasConversion<Data.WireEnumConverter<DeadlineUnit>>().HasMaxLength(32);
        b.Property(r => r.AreaCode).HasMaxLength(40);
    }
}
