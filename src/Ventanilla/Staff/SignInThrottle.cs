using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Ventanilla.Staff;

/// <summary>
/// Counts wrong passwords per client address and per account from that address. A stranger who
/// guesses at someone's account stops being heard from their own address; the account's owner,
/// from theirs, still signs in. Counts live in this node's memory.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<SignInLimitOptions> options)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    /// <summary>False when this client has spent its wrong passwords, for this account or for all.</summary>
    public bool Allows(string address, string account)
    {
        var limits = options.Value;
        return Count(AddressKey(address)) < limits.PerAddressFailures && Count(AccountKey(address, account)) < limits.PerAccountFailures;
    }

    public void Failed(string address, string account)
    {
        if (windows.Count > PruneAbove)
        {
            Prune();
        }

        var now = clock.GetUtcNow();
        foreach (var key in new[] { AddressKey(address), AccountKey(address, account) })
        {
            windows.AddOrUpdate(key, _ => new Window(now, 1), (_, w) => Ended(w, now) ? new Window(now, 1) : w with { Failures = w.Failures + 1 });
        }
    }

    /// <summary>The right password from this client forgives its earlier typos on that account.</summary>
    public void Succeeded(string address, string account) => windows.TryRemove(AccountKey(address, account), out _);

    private int Count(string key) => windows.TryGetValue(key, out var w) && !Ended(w, clock.GetUtcNow()) ? w.Failures : 0;

    private bool Ended(Window window, DateTimeOffset now) => now - window.Start >= TimeSpan.FromMinutes(options.Value.WindowMinutes);

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, window) in windows)
        {
            if (Ended(window, now))
            {
                windows.TryRemove(key, out _);
            }
        }
    }

    private static string AddressKey(string address) => "ip|" + address;

    private static string AccountKey(string address, string account) => "account|" + address + "|" + account.Trim().ToUpperInvariant();

    private sealed record Window(DateTimeOffset Start, int Failures);
}
