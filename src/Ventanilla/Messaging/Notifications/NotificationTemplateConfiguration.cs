using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Messaging.Notifications;

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    private static readonly DateTime Seeded = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public void Configure(EntityTypeBuilder<NotificationTemplate> b)
    {
        b.ToTable("notification_templates");
        b.HasKey(t => t.Event);
        b.Property(t => t.Event).HasMaxLength(60);
        b.Property(t => t.EmailSubject).HasMaxLength(NotificationTemplate.SubjectLength);
        b.Property(t => t.EmailBody).HasMaxLength(NotificationTemplate.BodyLength);
        b.Property(t => t.WhatsAppTemplate).HasMaxLength(512);
        b.Property(t => t.WhatsAppLanguage).HasMaxLength(16);
        b.Property(t => t.WhatsAppParameters).HasMaxLength(300);
        b.Property(t => t.PortalText).HasMaxLength(NotificationTemplate.BodyLength);
        b.Ignore(t => t.Texts);
        b.HasData(NotificationEvents.All.Select(e => new NotificationTemplate(e, DefaultTemplates.For(e), Seeded)));
    }
}
