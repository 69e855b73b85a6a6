using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// A message id already acted on. Meta redelivers a notification until it gets a 200 in time, so
/// the same message can arrive in many posts; its key is written in the same save as its effect,
/// so it takes effect once. (Statuses need no key: a state only moves forward.)
/// </summary>
public sealed class WhatsAppSeen
{
    private WhatsAppSeen()
    {
    }

    public string Key { get; private set; } = "";
    public DateTime SeenAt { get; private set; }

    public static string MessageKey(string messageId) => "m:" + messageId;

    public static WhatsAppSeen Of(string key, DateTime now) => new() { Key = key, SeenAt = now };
}

internal sealed class WhatsAppSeenConfiguration : IEntityTypeConfiguration<WhatsAppSeen>
{
    public void Configure(EntityTypeBuilder<WhatsAppSeen> b)
    {
        b.ToTable("whatsapp_seen");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(300);
    }
}
