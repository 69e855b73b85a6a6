using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Subscribers;

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> b)
    {
        b.ToTable("subscribers");
        b.Property(s => s.AccountNumber).HasMaxLength(40);
        // Both databases let a unique index hold many NULLs: only known contract numbers must differ.
        b.HasIndex(s => s.AccountNumber).IsUnique();
        b.Property(s => s.FullName).HasMaxLength(200);
        b.Property(s => s.SearchName).HasMaxLength(200);
        b.HasIndex(s => s.SearchName);
        b.Property(s => s.PlanName).HasMaxLength(100);
        b.Property(s => s.MonthlyPriceMxn).HasPrecision(10, 2);
        b.Property(s => s.AccessibilityNeeds).HasMaxLength(1000);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => s.MergedIntoId);

        b.OwnsMany(s => s.Phones, p =>
        {
            p.ToTable("subscriber_phones");
            OwnKey(p);
            p.Property(x => x.Number).HasMaxLength(20);
            p.HasIndex(x => x.Number);
        });
        b.OwnsMany(s => s.Emails, e =>
        {
            e.ToTable("subscriber_emails");
            OwnKey(e);
            e.Property(x => x.Address).HasMaxLength(254);
            e.HasIndex(x => x.Address);
        });
        b.OwnsMany(s => s.WhatsAppIdentities, w =>
        {
            w.ToTable("subscriber_whatsapp_identities");
            OwnKey(w);
            w.Property(x => x.WaId).HasMaxLength(32);
            w.Property(x => x.BusinessScopedUserId).HasMaxLength(128);
            w.HasIndex(x => x.WaId);
            w.HasIndex(x => x.BusinessScopedUserId);
        });
        b.OwnsMany(s => s.Addresses, a =>
        {
            a.ToTable("subscriber_addresses");
            OwnKey(a);
            a.Property(x => x.Street).HasMaxLength(300);
            a.Property(x => x.Neighborhood).HasMaxLength(150);
            a.Property(x => x.Municipality).HasMaxLength(150);
            a.Property(x => x.State).HasMaxLength(100);
            a.Property(x => x.PostalCode).HasMaxLength(10);
            a.Property(x => x.References).HasMaxLength(500);
        });
    }

    // A single generated key per row: SQLite cannot generate one half of a composite key.
    private static void OwnKey<T>(OwnedNavigationBuilder<Subscriber, T> owned) where T : class
    {
        owned.Property<long>("Id");
        owned.HasKey("Id");
    }
}
