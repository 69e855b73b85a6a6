using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Provider;

/// <summary>
/// The provider's profile as administrators edit it. Configuration only seeds it on the first
/// start; from then on this row is what folios, receipts and pages use.
/// </summary>
public sealed class ProviderProfile
{
    public const int SingleId = 1;

    private ProviderProfile()
    {
    }

    public int Id { get; private set; } = SingleId;
    public string Name { get; private set; } = "";
    public string FolioPrefix { get; private set; } = "";
    public List<string> Phones { get; private set; } = [];
    public List<string> Emails { get; private set; } = [];
    public string? Web { get; private set; }
    public string? WhatsApp { get; private set; }
    public string? Hours { get; private set; }
    public string TimeZone { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    public static ProviderProfile From(ProviderOptions options, DateTime now)
    {
        var profile = new ProviderProfile();
        profile.Update(options, now);
        return profile;
    }

    public void Update(ProviderOptions options, DateTime now)
    {
        Name = options.Name;
        FolioPrefix = options.FolioPrefix;
        Phones = [.. options.Phones];
        Emails = [.. options.Emails];
        Web = options.Web;
        WhatsApp = options.WhatsApp;
        Hours = options.Hours;
        TimeZone = options.TimeZone;
        UpdatedAt = now;
    }

    public ProviderOptions ToOptions() => new()
    {
        Name = Name,
        FolioPrefix = FolioPrefix,
        Phones = [.. Phones],
        Emails = [.. Emails],
        Web = Web,
        WhatsApp = WhatsApp,
        Hours = Hours,
        TimeZone = TimeZone,
    };
}

internal sealed class ProviderProfileConfiguration : IEntityTypeConfiguration<ProviderProfile>
{
    public void Configure(EntityTypeBuilder<ProviderProfile> b)
    {
        b.ToTable("provider_profile");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.FolioPrefix).HasMaxLength(8);
        b.Property(p => p.Web).HasMaxLength(200);
        b.Property(p => p.WhatsApp).HasMaxLength(200);
        b.Property(p => p.Hours).HasMaxLength(500);
        b.Property(p => p.TimeZone).HasMaxLength(64);
    }
}
