namespace Ventanilla.Channels.Portal;

// The portal's forms as the browser posts them. Every one carries the honeypot: a field people
// never see, so whatever fills it is a bot.

public abstract class PortalForm
{
    /// <summary>The honeypot; a person leaves it empty.</summary>
    public string? SitioWeb { get; set; }

    /// <summary>
    /// A one-time token written into the form when it is shown: the same form posted twice (a double
    /// click, a browser retrying) files one ticket.
    /// </summary>
    public string? FormToken { get; set; }

    /// <summary>A new token, as the form is rendered.</summary>
    public static string NewToken() => Guid.NewGuid().ToString("N");

    /// <summary>The token's source key, when the post carries a token the portal could have made.</summary>
    public string? SourceKey => FormToken is { Length: 32 } token && token.All(char.IsAsciiHexDigitLower) ? Intake.SourceKeys.Portal(token) : null;
}

public sealed class ReportForm : PortalForm
{
    public string? Kind { get; set; }
    public string? AccountNumber { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Description { get; set; }
    public bool Consent { get; set; }
}

public sealed class LookupForm : PortalForm
{
    public string? Folio { get; set; }
    public string? Proof { get; set; }
}

public sealed class MessageForm : PortalForm
{
    public string? Text { get; set; }
}

public sealed class ReopenForm : PortalForm
{
    public string? Reason { get; set; }
}

public sealed class RatingForm : PortalForm
{
    public int? Score { get; set; }
    public string? Comment { get; set; }
}

public sealed class CancelForm : PortalForm
{
    public string? AccountNumber { get; set; }
    public string? Proof { get; set; }
    public string? Reason { get; set; }
    public bool Consent { get; set; }
}

public sealed class PrivacyRequestForm : PortalForm
{
    public string? Right { get; set; }
    public string? Name { get; set; }
    public string? AccountNumber { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Description { get; set; }
    public bool Consent { get; set; }
}
