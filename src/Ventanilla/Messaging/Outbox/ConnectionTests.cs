using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using Ventanilla.Channels.Email;
using Ventanilla.Channels.WhatsApp;

namespace Ventanilla.Messaging.Outbox;

/// <summary>What one check of a connection found, said for the administrator who asked.</summary>
public sealed record ProbeResult(bool Ok, string Message);

/// <summary>
/// "Probar conexión": signs in to a mailbox's IMAP and SMTP servers, or asks the Graph API for the
/// WhatsApp number, with the saved secrets, and says in Spanish what failed. Nothing is sent or read.
/// </summary>
public sealed class ConnectionTests(GraphApi graph, ILogger<ConnectionTests> log)
{
    private const int TimeoutMs = 15_000;

    public async Task<IReadOnlyList<ProbeResult>> MailboxAsync(ActiveMailbox mailbox, CancellationToken ct)
    {
        var imap = await ServerAsync("IMAP", mailbox.Options.Imap, () => new ImapClient { Timeout = TimeoutMs }, ct);
        var smtp = mailbox.Options.Smtp.Host.Length == 0
            ? new ProbeResult(true, "SMTP: este buzón no tiene servidor de envío; las respuestas salen por otro buzón.")
            : await ServerAsync("SMTP", mailbox.Options.Smtp, () => new SmtpClient { Timeout = TimeoutMs }, ct);
        return [imap, smtp];
    }

    public async Task<ProbeResult> WhatsAppAsync(WhatsAppAccount account, CancellationToken ct)
    {
        if (!account.CanSend)
        {
            return new ProbeResult(false, "Falta el identificador del número o el token de acceso.");
        }

        try
        {
            var number = await graph.PhoneNumberAsync(account, ct);
            return new ProbeResult(true, $"La API de WhatsApp respondió: el número {number} está disponible.");
        }
        catch (GraphApiException error)
        {
            log.LogInformation(error, "La prueba de conexión de WhatsApp falló.");
            return new ProbeResult(false, error switch
            {
                { Status: 0 } => $"No se pudo conectar con la API de WhatsApp en {account.GraphApiBaseUrl}.",
                { Code: 190 } or { Status: 401 } => "WhatsApp rechazó el token de acceso: puede haber caducado o ser de otra app.",
                { Code: 100 } or { Status: 400 or 404 } => "El identificador del número no existe o el token no tiene acceso a él.",
                _ => $"La API de WhatsApp respondió con un error: {error.Message}",
            });
        }
        catch (System.Text.Json.JsonException)
        {
            return new ProbeResult(false, $"{account.GraphApiBaseUrl} respondió, pero no como la API de WhatsApp.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ProbeResult(false, $"La API de WhatsApp en {account.GraphApiBaseUrl} no respondió a tiempo.");
        }
    }

    private async Task<ProbeResult> ServerAsync(string protocol, MailServerOptions server, Func<MailService> create, CancellationToken ct)
    {
        if (server.Password.Length == 0)
        {
            return new ProbeResult(false, $"{protocol}: no hay contraseña guardada que se pueda leer; escríbela de nuevo.");
        }

        using var client = create();
        try
        {
            await client.ConnectAsync(server.Host, server.Port, MailboxPoller.Socket(server.Security), ct);
            await client.AuthenticateAsync(server.Username, server.Password, ct);
            await client.DisconnectAsync(quit: true, ct);
            return new ProbeResult(true, $"{protocol}: la conexión y el inicio de sesión funcionan.");
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            log.LogInformation(error, "La prueba de conexión {Protocol} con {Host} falló.", protocol, server.Host);
            return new ProbeResult(false, error switch
            {
                AuthenticationException => $"El servidor {protocol} rechazó el usuario o la contraseña.",
                SslHandshakeException => $"{protocol}: no se pudo establecer la conexión cifrada con {server.Host}; revisa el cifrado y el puerto.",
                SocketException or IOException or TimeoutException or OperationCanceledException =>
                    $"{protocol}: no se pudo conectar con {server.Host}:{server.Port}.",
                _ => $"{protocol}: el servidor respondió algo inesperado: {error.Message}",
            });
        }
    }
}
