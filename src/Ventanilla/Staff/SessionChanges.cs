using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ventanilla.Staff;

/// <summary>
/// Whose sign-in changed on this node lately (disabled, roles, password, two-step sign-in), so this
/// node checks their sessions against the database on their very next request instead of waiting
/// for the validation interval. Other nodes learn it from the security stamp within that interval.
/// </summary>
public sealed class SessionChanges(TimeProvider clock, IOptions<SecurityStampValidatorOptions> options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> changed = new(StringComparer.Ordinal);

    /// <summary>Gives the person a new security stamp, which ends every session they had, here at once.</summary>
    public async Task EndSessionsAsync(UserManager<StaffUser> users, StaffUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        Mark(user.Id);
    }

    /// <summary>For changes that already gave a new stamp (password, two-step sign-in): this node checks at once.</summary>
    public void Mark(string userId)
    {
        var now = clock.GetUtcNow();
        // Past the interval every older cookie is checked against the database anyway; the entry is no longer needed.
        foreach (var (id, at) in changed)
        {
            if (now - at > options.Value.ValidationInterval)
            {
                changed.TryRemove(id, out _);
            }
        }

        changed[userId] = now;
    }

    /// <summary>True when the session was issued before the person's sign-in changed on this node.</summary>
    public bool IssuedBeforeChange(string userId, DateTimeOffset? issued) =>
        changed.TryGetValue(userId, out var at) && (issued is null || issued <= at);
}
