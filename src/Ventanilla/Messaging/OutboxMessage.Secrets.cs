namespace Ventanilla.Messaging;

/// <summary>
/// Messages that carry a secret (the portal's one-time code): the secret is in the body and the
/// template's values only while the message waits to go. Once sent, given up on, or withheld, both
/// keep a mask instead, so the outbox never holds a usable code at rest for longer than it must.
/// </summary>
public sealed partial class OutboxMessage
{
    /// <summary>The event of a message whose template values are secrets.</summary>
    public const string OneTimeCodeEvent = "access_code";

    /// <summary>What a redacted secret reads as.</summary>
    public const string Mask = "••••••";

    public bool CarriesSecret => Event == OneTimeCodeEvent;

    /// <summary>Withholds a code that will not be used any more (expired, or replaced by a newer one) and forgets it.</summary>
    public void Retire(string reason, DateTime now)
    {
        Withhold(reason, now);
        RedactSecret();
    }

    /// <summary>Replaces every template value in the body and the template values with the mask.</summary>
    private void RedactSecret()
    {
        if (!CarriesSecret)
        {
            return;
        }

        var secrets = TemplateValues();
        foreach (var secret in secrets.Where(s => s.Length > 0 && s != Mask))
        {
            Body = Body.Replace(secret, Mask, StringComparison.Ordinal);
            Subject = Subject?.Replace(secret, Mask, StringComparison.Ordinal);
        }

        TemplateParameters = System.Text.Json.JsonSerializer.Serialize(secrets.Select(_ => Mask).ToArray());
    }
}
