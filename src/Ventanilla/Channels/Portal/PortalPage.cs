using Microsoft.AspNetCore.Components;

namespace Ventanilla.Channels.Portal;

/// <summary>What every portal page shares: the request, the honeypot and the per-folio limit.</summary>
public abstract class PortalPage : ComponentBase
{
    public const string BotMessage = "No pudimos recibir el formulario. Si eres una persona, vuelve a cargar la página y envíalo de nuevo.";

    [CascadingParameter] protected HttpContext Http { get; set; } = default!;
    [Inject] protected FolioLimiter Limiter { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] private PortalSession FolioSession { get; set; } = default!;

    /// <summary>Set when the page answers with a refusal (400 for a bot, 429 for too many tries).</summary>
    protected string? Refusal { get; private set; }

    /// <summary>True, with a 400 answer, when the honeypot was filled.</summary>
    protected bool IsBot(PortalForm? form)
    {
        if (string.IsNullOrEmpty(form?.SitioWeb))
        {
            return false;
        }

        Refuse(StatusCodes.Status400BadRequest, BotMessage);
        return true;
    }

    /// <summary>True when one more try on this folio is allowed; else answers 429.</summary>
    protected bool MayTry(string? folio)
    {
        if (Limiter.TryTake(folio ?? ""))
        {
            return true;
        }

        Refuse(StatusCodes.Status429TooManyRequests, TooManyRequests.Message);
        return false;
    }

    /// <summary>
    /// Ends a form that files a ticket: with a folio, the subscriber's browser may open it and goes to
    /// the receipt; without one, the page answers 400 with the errors it returns for the form.
    /// </summary>
    protected IReadOnlyDictionary<string, string[]> Finish(PortalIntake.Outcome outcome)
    {
        if (outcome.Ticket is { } ticket)
        {
            // Whoever just wrote the report may read all of it.
            FolioSession.Open(Http, ticket.Id, PortalAccess.Full);
            Navigation.NavigateTo("/portal/constancia");
        }
        else
        {
            Http.Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return outcome.Errors;
    }

    /// <summary>Answers 429: too many failed proofs on this folio or with this phone or email.</summary>
    protected void RefuseTooMany() => Refuse(StatusCodes.Status429TooManyRequests, TooManyRequests.Message);

    private void Refuse(int status, string message)
    {
        Refusal = message;
        if (!Http.Response.HasStarted)
        {
            Http.Response.StatusCode = status;
        }
    }
}
