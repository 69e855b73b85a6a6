using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// The account as administrators edit it. The access token and the app secret are kept protected
/// with the service's data-protection keys (which live in the database), so a copy of the
/// database alone does not give away the account.
/// </summary>
public sealed class WhatsAppSettings
{
    public const int SingleId = 1;

    private WhatsAppSettings()
    {
    }

    public int Id { get; private set; } = SingleId;
    public string? PhoneNumberId { get; private set; }
    public string? ProtectedAccessToken { get; private set; }
    public string? ProtectedAppSecret { get; private set; }
    public string? VerifyToken { get; private set; }
    public string GraphApiBaseUrl { get; private set; } = "";
    public string ApiVersion { get; private set; } = "";

    /// <summary>The templates by event, as JSON: <c>{"received":{"Name":"…","Language":"es_MX"}}</c>.</summary>
    public string Templates { get; private set; } = "{}";

    public DateTime UpdatedAt { get; private set; }

    public static WhatsAppSettings From(WhatsAppAccount account, IDataProtector protector, DateTime now)
    {
        var settings = new WhatsAppSettings();
        settings.Update(account, protector, now);
        return settings;
    }

    /// <summary>Replaces everything; a null secret in <paramref name="account"/> clears that secret.</summary>
    public void Update(WhatsAppAccount account, IDataProtector protector, DateTime now)
    {
        PhoneNumberId = account.PhoneNumberId;
        ProtectedAccessToken = account.AccessToken is null ? null : protector.Protect(account.AccessToken);
        ProtectedAppSecret = account.AppSecret is null ? null : protector.Protect(account.AppSecret);
        VerifyToken = account.VerifyToken;
        GraphApiBaseUrl = account.GraphApiBaseUrl;
        ApiVersion = account.ApiVersion;
        Templates = JsonSerializer.Serialize(account.Templates);
        UpdatedAt = now;
    }

    public WhatsAppAccount ToAccount(IDataProtector protector) => new(
        PhoneNumberId,
        ProtectedAccessToken is null ? null : protector.UnprotectOrEmpty(ProtectedAccessToken),
        ProtectedAppSecret is null ? null : protector.UnprotectOrEmpty(ProtectedAppSecret),
        VerifyToken,
        GraphApiBaseUrl,
        ApiVersion,
        JsonSerializer.Deserialize<Dictionary<string, TemplateOptions>>(Templates) ?? []);
}

internal sealed class WhatsAppSettingsConfiguration : IEntityTypeConfiguration<WhatsAppSettings>
{
    public void Configure(EntityTypeBuilder<WhatsAppSettings> b)
    {
        b.ToTable("whatsapp_settings");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.PhoneNumberId).HasMaxLength(64);
        b.Property(s => s.ProtectedAccessToken).HasMaxLength(4000);
        b.Property(s => s.ProtectedAppSecret).HasMaxLength(1000);
        b.Property(s => s.VerifyToken).HasMaxLength(200);
        b.Property(s => s.GraphApiBaseUrl).HasMaxLength(300);
        b.Property(s => s.ApiVersion).HasMaxLength(16);
        b.Property(s => s.Templates).HasMaxLength(4000);
    }
}
