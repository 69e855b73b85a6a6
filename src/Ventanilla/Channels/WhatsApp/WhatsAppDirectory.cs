using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Hosting;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// The account as the rest of the channel reads it: seeded from configuration on the first start,
/// loaded from the database, replaced when an administrator saves it, and re-read every minute so
/// every node catches up with a change made on another. Kept in memory because every webhook post
/// needs the app secret.
/// </summary>
public sealed class WhatsAppDirectory(IServiceScopeFactory scopes, IOptions<WhatsAppOptions> seed, IDataProtectionProvider protection, TimeProvider clock,
    ILogger<WhatsAppDirectory> log) : PeriodicJob(clock, log)
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);
    private readonly IDataProtector protector = protection.CreateProtector("Ventanilla.WhatsApp.Secrets");
    private volatile WhatsAppAccount current = WhatsAppAccount.From(seed.Value);

    public WhatsAppAccount Current => current;

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var row = await db.WhatsAppSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == WhatsAppSettings.SingleId, ct);
        if (row is null)
        {
            row = WhatsAppSettings.From(WhatsAppAccount.From(seed.Value), protector, Clock.GetUtcNow().UtcDateTime);
            db.WhatsAppSettings.Add(row);
            await db.SaveChangesAsync(ct);
        }

        current = row.ToAccount(protector);
    }

    public async Task SaveAsync(VentanillaDbContext db, WhatsAppAccount updated, CancellationToken ct = default)
    {
        var row = await db.WhatsAppSettings.FirstAsync(s => s.Id == WhatsAppSettings.SingleId, ct);
        row.Update(updated, protector, Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        current = updated;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Loaded before the server takes requests, so the first webhook post is checked with the stored secret.
        await LoadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override TimeSpan Interval => RefreshEvery;

    // Start-up loaded it before the server took requests.
    protected override bool PassAtStart => false;

    // A failed re-read keeps the account we have; the job logs it and tries again.
    protected override Task RunPassAsync(CancellationToken ct) => LoadAsync(ct);
}
