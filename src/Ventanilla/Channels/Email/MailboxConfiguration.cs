using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Data;

namespace Ventanilla.Channels.Email;

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> b)
    {
        b.ToTable("mailboxes");
        b.Property(m => m.Address).HasMaxLength(254);
        b.HasIndex(m => m.Address).IsUnique();
        b.OwnsOne(m => m.Imap, Endpoint);
        b.OwnsOne(m => m.Smtp, Endpoint);
        b.Navigation(m => m.Imap).IsRequired();
        b.Navigation(m => m.Smtp).IsRequired();
        b.Property(m => m.AreaCode).HasMaxLength(40);
        b.Property(m => m.LastError).HasMaxLength(Mailbox.ErrorLimit);
        b.Property(m => m.LeaseOwner).HasMaxLength(200);
    }

    private static void Endpoint(OwnedNavigationBuilder<Mailbox, MailEndpoint> e)
    {
        e.Property(x => x.Host).HasMaxLength(253);
        e.Property(x => x.Security).HasConversion<WireEnumConverter<MailSecurity>>().HasMaxLength(32);
        e.Property(x => x.Username).HasMaxLength(254);
        // Data Protection output grows with the key id and MAC: several times the clear password.
        e.Property(x => x.ProtectedPassword).HasMaxLength(2000);
    }
}
