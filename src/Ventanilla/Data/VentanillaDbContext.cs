using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Attachments;
using Ventanilla.Intake;
using Ventanilla.Messaging;
using Ventanilla.Staff;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;

namespace Ventanilla.Data;

/// <summary>
/// The one model, whatever the database. Each provider has a subclass only so that it can keep
/// its own migration set.
/// </summary>
public abstract class VentanillaDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies and forms, shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<InboundMessage> Inbox => Set<InboundMessage>();
    public DbSet<FolioCounter> FolioCounters => Set<FolioCounter>();
    public DbSet<Channels.Portal.AccessCode> PortalAccessCodes => Set<Channels.Portal.AccessCode>();
    public DbSet<Channels.Portal.ProofFailure> PortalProofFailures => Set<Channels.Portal.ProofFailure>();
    public DbSet<Visits.Visit> Visits => Set<Visits.Visit>();
    public DbSet<Tickets.Causes.Cause> Causes => Set<Tickets.Causes.Cause>();
    public DbSet<Messaging.Notifications.NotificationTemplate> NotificationTemplates => Set<Messaging.Notifications.NotificationTemplate>();
    public DbSet<Channels.Email.Mailbox> Mailboxes => Set<Channels.Email.Mailbox>();
    public DbSet<Deadlines.Calendars.WorkCalendar> BusinessCalendars => Set<Deadlines.Calendars.WorkCalendar>();
    public DbSet<Deadlines.Rules.DeadlineRuleRow> DeadlineRules => Set<Deadlines.Rules.DeadlineRuleRow>();
    public DbSet<Deadlines.Rules.TicketPause> TicketPauses => Set<Deadlines.Rules.TicketPause>();
    public DbSet<Routing.RoutingRule> RoutingRules => Set<Routing.RoutingRule>();
    public DbSet<Routing.AreaRouting> AreaRouting => Set<Routing.AreaRouting>();
    public DbSet<Supervision.DeadlineNotice> DeadlineNotices => Set<Supervision.DeadlineNotice>();
    public DbSet<TicketAttachment> Attachments => Set<TicketAttachment>();
    public DbSet<Channels.WhatsApp.WhatsAppSettings> WhatsAppSettings => Set<Channels.WhatsApp.WhatsAppSettings>();
    public DbSet<Channels.WhatsApp.WhatsAppConversation> WhatsAppConversations => Set<Channels.WhatsApp.WhatsAppConversation>();
    public DbSet<Channels.WhatsApp.WhatsAppSeen> WhatsAppSeen => Set<Channels.WhatsApp.WhatsAppSeen>();
    public DbSet<Web.Idempotency.IdempotencyRecord> IdempotencyKeys => Set<Web.Idempotency.IdempotencyRecord>();
    public DbSet<Network.NetworkNode> NetworkNodes => Set<Network.NetworkNode>();
    public DbSet<Subscribers.Services.Service> Services => Set<Subscribers.Services.Service>();
    public DbSet<Network.Outages.Outage> Outages => Set<Network.Outages.Outage>();
    public DbSet<Network.Outages.OutageNode> OutageNodes => Set<Network.Outages.OutageNode>();
    public DbSet<Network.Outages.OutageEntry> OutageEntries => Set<Network.Outages.OutageEntry>();
    public DbSet<Network.Outages.OutageNotice> OutageNotices => Set<Network.Outages.OutageNotice>();
    public DbSet<Network.Compensation.CompensationLine> CompensationLines => Set<Network.Compensation.CompensationLine>();
    public DbSet<Network.Import.ImportRun> ImportRuns => Set<Network.Import.ImportRun>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    /// <summary>Which search SQL this database speaks.</summary>
    public abstract DatabaseKind Kind { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(VentanillaDbContext).Assembly);
        // Identity names its tables in its own style; ours are snake_case like the rest.
        builder.Entity<StaffUser>().ToTable("staff_users");
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("staff_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("staff_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("staff_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("staff_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<TicketKind>().HaveConversion<WireEnumConverter<TicketKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<ContactChannel>().HaveConversion<WireEnumConverter<ContactChannel>>().HaveMaxLength(32);
        configurationBuilder.Properties<TicketStatus>().HaveConversion<WireEnumConverter<TicketStatus>>().HaveMaxLength(32);
        configurationBuilder.Properties<TicketPriority>().HaveConversion<WireEnumConverter<TicketPriority>>().HaveMaxLength(32);
        configurationBuilder.Properties<SubscriberConfirmation>().HaveConversion<WireEnumConverter<SubscriberConfirmation>>().HaveMaxLength(32);
        configurationBuilder.Properties<TimelineEntryType>().HaveConversion<WireEnumConverter<TimelineEntryType>>().HaveMaxLength(32);
        configurationBuilder.Properties<OutboxKind>().HaveConversion<WireEnumConverter<OutboxKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<OutboxState>().HaveConversion<WireEnumConverter<OutboxState>>().HaveMaxLength(32);
        configurationBuilder.Properties<InboundState>().HaveConversion<WireEnumConverter<InboundState>>().HaveMaxLength(32);
    }
}

public enum DatabaseKind { Sqlite, Postgres }

public sealed class SqliteVentanillaDbContext(DbContextOptions<SqliteVentanillaDbContext> options) : VentanillaDbContext(options)
{
    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite keeps no time zone: everything stored is UTC, so say so when reading it back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class PostgresVentanillaDbContext(DbContextOptions<PostgresVentanillaDbContext> options) : VentanillaDbContext(options)
{
    public override DatabaseKind Kind => DatabaseKind.Postgres;
}
