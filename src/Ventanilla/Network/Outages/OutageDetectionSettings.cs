using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Data;

namespace Ventanilla.Network.Outages;

/// <summary>
/// When clustered fault reports propose an outage: at least <see cref="MinReports"/> reports under one
/// node within <see cref="WindowMinutes"/>, or at least <see cref="MinSharePercent"/> % of the node's
/// active services. One row; stored as data so a supervisor tunes it without a deploy.
/// </summary>
public sealed class OutageDetectionSettings
{
    public const int SingleId = 1;
    public const int DefaultMinReports = 3;
    public const int DefaultWindowMinutes = 15;
    public const int DefaultMinSharePercent = 10;

    private OutageDetectionSettings()
    {
    }

    public int Id { get; private set; } = SingleId;
    public int MinReports { get; private set; } = DefaultMinReports;
    public int WindowMinutes { get; private set; } = DefaultWindowMinutes;
    public int MinSharePercent { get; private set; } = DefaultMinSharePercent;

    /// <summary>False stops proposals altogether (a provider that declares every outage by hand or by monitoring).</summary>
    public bool Enabled { get; private set; } = true;
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static OutageDetectionSettings Defaults() => new();

    /// <summary>The stored row, or the defaults when nobody has saved any.</summary>
    public static async Task<OutageDetectionSettings> LoadAsync(VentanillaDbContext db, CancellationToken ct) =>
        await db.Set<OutageDetectionSettings>().FirstOrDefaultAsync(s => s.Id == SingleId, ct) ?? Defaults();

    /// <summary>Checks and sets the thresholds; answers the message for each field that is out of range.</summary>
    public IReadOnlyDictionary<string, string> Change(int minReports, int windowMinutes, int minSharePercent, bool enabled, DateTime now)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (minReports is < 2 or > 1000)
        {
            errors["minReports"] = "Los reportes mínimos van de 2 a 1,000.";
        }

        if (windowMinutes is < 1 or > 1440)
        {
            errors["windowMinutes"] = "La ventana va de 1 a 1,440 minutos (un día).";
        }

        if (minSharePercent is < 1 or > 100)
        {
            errors["minSharePercent"] = "El porcentaje va de 1 a 100.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        MinReports = minReports;
        WindowMinutes = windowMinutes;
        MinSharePercent = minSharePercent;
        Enabled = enabled;
        UpdatedAt = now;
        Version++;
        return errors;
    }

    public ClusterThresholds Thresholds => new(MinReports, TimeSpan.FromMinutes(WindowMinutes), MinSharePercent);
}

internal sealed class OutageDetectionSettingsConfiguration : IEntityTypeConfiguration<OutageDetectionSettings>
{
    public void Configure(EntityTypeBuilder<OutageDetectionSettings> b)
    {
        b.ToTable("outage_detection_settings");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}
