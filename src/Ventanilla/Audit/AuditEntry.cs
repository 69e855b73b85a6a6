using Ventanilla.Tickets;

namespace Ventanilla.Audit;

/// <summary>
/// One change the folio timelines do not hold: to a rule, a calendar, a template, a user or role,
/// a channel's settings, a compensation policy, or an export. Written in the same transaction as
/// the change it records, so a change is never saved without its entry or the other way round, and
/// never edited afterwards. <see cref="Before"/> and <see cref="After"/> are JSON of what changed,
/// so a report run "as of" a past date can read what the settings were then.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionLength = 64;
    public const int SubjectLength = 64;
    public const int KeyLength = 200;

    private AuditEntry()
    {
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";

    /// <summary>What was done, as a stable code: <c>user.created</c>, <c>rule.changed</c>, <c>export</c>… (see <see cref="AuditActions"/>).</summary>
    public string Action { get; private set; } = "";

    /// <summary>The kind of thing changed: <c>user</c>, <c>calendar</c>, <c>template</c>, <c>report</c>…</summary>
    public string Subject { get; private set; } = "";

    /// <summary>Which one of them: a user's id, a calendar's code, a report's slug.</summary>
    public string? SubjectKey { get; private set; }

    /// <summary>JSON of the thing before the change; null for a creation or an export.</summary>
    public string? Before { get; private set; }

    /// <summary>JSON of the thing after the change; null for a deletion. For an export, its manifest.</summary>
    public string? After { get; private set; }

    /// <summary>A sentence in Spanish for the person browsing the trail.</summary>
    public string Summary { get; private set; } = "";

    public static AuditEntry Record(Actor who, string action, string subject, string? key, string? before, string? after, string summary,
        DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        return new AuditEntry
        {
            At = now,
            ActorId = Truncate(who.Id, 200),
            ActorName = Truncate(who.Name, 200),
            Action = Truncate(action, ActionLength),
            Subject = Truncate(subject, SubjectLength),
            SubjectKey = key is null ? null : Truncate(key, KeyLength),
            Before = before,
            After = after,
            Summary = Truncate(summary, 1000),
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
