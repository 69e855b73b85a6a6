using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Attachments;
using Ventanilla.Channels;
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
    public DbSet<Portal.AccessCode> PortalAccessCodes => Set<Portal.AccessCode>();
    public DbSet<Portal.ProofFailure> PortalProofFailures => Set<Portal.ProofFailure>();
    public DbSet<FollowUp.Visits.Visit> Visits => Set<FollowUp.Visits.Visit>();
    public DbSet<FollowUp.Causes.Cause> Causes => Set<FollowUp.Causes.Cause>();
    public DbSet<FollowUp.Notifications.NotificationTemplate> NotificationTemplates => Set<FollowUp.Notifications.NotificationTemplate>();
    public DbSet<Channels.Email.Mailbox> Mailboxes => Set<Channels.Email.Mailbox>();
    public DbSet<FollowUp.Calendars.WorkCalendar> BusinessCalendars => Set<FollowUp.Calendars.WorkCalendar>();
    public DbSet<FollowUp.Rules.DeadlineRuleRow> DeadlineRules => Set<FollowUp.Rules.DeadlineRuleRow>();
    public DbSet<FollowUp.Rules.TicketPause> TicketPauses => Set<FollowUp.Rules.TicketPause>();
    public DbSet<FollowUp.Routing.RoutingRule> RoutingRules => Set<FollowUp.Routing.RoutingRule>();
    public DbSet<FollowUp.Routing.AreaRouting> AreaRouting => Set<FollowUp.Routing.AreaRouting>();
    public DbSet<FollowUp.Supervision.DeadlineNotice> DeadlineNotices => Set<FollowUp.Supervision.DeadlineNotice>();
    public DbSet<TicketAttachment> Attachments => Set<TicketAttachment>();
    public DbSet<Channels.WhatsApp.WhatsAppSettings> WhatsAppSettings => Set<Channels.WhatsApp.WhatsAppSettings>();
    public DbSet<Channels.WhatsApp.WhatsAppConversation> WhatsAppConversations => Set<Channels.WhatsApp.WhatsAppConversation>();
    public DbSet<Channels.WhatsApp.WhatsAppSeen> WhatsAppSeen => Set<Channels.WhatsApp.WhatsAppSeen>();

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
