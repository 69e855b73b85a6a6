using System.Text.Json.Nodes;

namespace Ventanilla.Channels.WhatsApp;

internal abstract record SendOutcome;

internal sealed record Delivered(string MessageId) : SendOutcome;

/// <summary>WhatsApp will never carry it as it is: give up now and tell the ticket why.</summary>
internal sealed record Refused(string Reason) : SendOutcome;

/// <summary>Worth trying again later.</summary>
internal sealed record Retry(string Reason) : SendOutcome;

/// <summary>
/// How one outbox row goes out: free text inside the 24-hour window, its event's template outside
/// it or when WhatsApp says the window has closed (131047), and a short back-off when WhatsApp says
/// we are sending too fast (130429 for the number, 131056 for this one user).
/// </summary>
internal sealed class WhatsAppDelivery(GraphApi graph, WhatsAppAccount account, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private const int WindowClosed = 131047;
    private static readonly int[] TooFast = [130429, 131056];
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    public async Task<SendOutcome> SendAsync(Messaging.OutboxMessage row, DateTime? lastHeard, CancellationToken ct)
    {
        var inWindow = lastHeard is { } heard && clock.GetUtcNow().UtcDateTime - heard < Window;
        var template = account.TemplateFor(row.Event);
        if (!inWindow)
        {
            return template is null ? new Refused(NoTemplate(row)) : Final(await TryAsync(WhatsAppMessages.Template(row, template), ct));
        }

        var outcome = await TryAsync(WhatsAppMessages.Free(row), ct);
        if (outcome is Failed { Code: WindowClosed })
        {
            // Our record of the window can be wrong (a message we never saw): WhatsApp's word decides.
            return template is null ? new Refused(NoTemplate(row)) : Final(await TryAsync(WhatsAppMessages.Template(row, template), ct));
        }

        return Final(outcome);
    }

    private static SendOutcome Final(SendOutcome outcome) => outcome is Failed failed ? new Refused(failed.Reason) : outcome;

    private async Task<SendOutcome> TryAsync(JsonObject message, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new Delivered(await graph.SendAsync(account, (JsonObject)message.DeepClone(), ct));
            }
            catch (GraphApiException error) when (error.Code is { } code && TooFast.Contains(code) && attempt < Backoff.Length)
            {
                await Task.Delay(Backoff[attempt], clock, ct);
            }
            catch (GraphApiException error)
            {
                return error.Code == WindowClosed ? new Failed(WindowClosed, error.Message)
                    : error.IsTransient ? new Retry(error.Message)
                    : new Refused(error.Message);
            }
        }
    }

    private static string NoTemplate(Messaging.OutboxMessage row) =>
        row.Event is null
            ? "Pasaron más de 24 horas desde el último mensaje del suscriptor por WhatsApp y este mensaje no es una notificación con plantilla aprobada, así que WhatsApp no permite enviarlo. Contáctalo por otro medio o espera a que vuelva a escribir."
            : $"Pasaron más de 24 horas desde el último mensaje del suscriptor por WhatsApp y no hay una plantilla aprobada configurada para el aviso «{row.Event}» (WhatsApp:Templates:{row.Event}). Configúrala en Administración › Plantillas de avisos o en Administración › WhatsApp, o contacta al suscriptor por otro medio.";

    /// <summary>131047 from a free-text attempt: the window closed; the caller decides between the template and giving up.</summary>
    private sealed record Failed(int Code, string Reason) : SendOutcome;
}
