using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Ventanilla.IntegrationTests;

/// <summary>How the listener answers DATA: accept, refuse for now (4xx) or refuse for good (5xx).</summary>
public enum SmtpAnswer { Accept, Temporary, Permanent }

/// <summary>A real SMTP listener on loopback that keeps what it is sent, or refuses everything.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public const string User = "envios";
    public const string Password = "envios-secreto";

    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    private TestSmtpServer(int port, SmtpAnswer answer)
    {
        Port = port;
        Answer = answer;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AllowUnsecureAuthentication(true).AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new DelegatingUserAuthenticator((user, password) => user == User && password == Password));
        services.Add(new Store(this));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, e) => e.Context.CommandExecuting += (_, _) => RunAfterAccept(e.Context);
        running = server.StartAsync(stop.Token);
    }

    private const string AfterAcceptKey = "after-accept";

    /// <summary>
    /// Runs once a message was accepted and its 250 answered, before the client's next command on that
    /// connection (the QUIT a sender waits on before it records the send), or after a short while if it
    /// sends none. A test kills the sender here, in the gap between the server's 250 and its record.
    /// </summary>
    public Action<MimeMessage>? AfterAccept { get; set; }

    /// <summary>How long the listener takes to answer each DATA, as a slow server does.</summary>
    public TimeSpan Delay { get; set; }

    private static void RunAfterAccept(ISessionContext context)
    {
        if (context.Properties.TryGetValue(AfterAcceptKey, out var pending) && pending is Action once)
        {
            context.Properties.Remove(AfterAcceptKey);
            once();
        }
    }

    private void Accepted(ISessionContext context, MimeMessage message)
    {
        Received.Enqueue(message);
        if (AfterAccept is not { } after)
        {
            return;
        }

        var ran = 0;
        Action once = () =>
        {
            if (Interlocked.Exchange(ref ran, 1) == 0)
            {
                after(message);
            }
        };
        context.Properties[AfterAcceptKey] = once;
        _ = Task.Delay(TimeSpan.FromMilliseconds(500)).ContinueWith(_ => once(), TaskScheduler.Default);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>Every message offered at DATA, whatever the answer: what each attempt carried.</summary>
    public ConcurrentQueue<MimeMessage> Offered { get; } = new();

    /// <summary>How DATA is answered from now on; a test switches it between attempts.</summary>
    public SmtpAnswer Answer { get; set; }

    public static TestSmtpServer Start(SmtpAnswer answer = SmtpAnswer.Accept) => new(FreePort(), answer);

    /// <summary>A port nothing listens on: a server that is down.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>One mailbox that sends through <paramref name="port"/>; its IMAP side is never polled.</summary>
    public static Dictionary<string, string?> Settings(int port, string address = "contacto@netmas.mx") => new()
    {
        ["Email:RunInBackground"] = "false",
        ["Email:MessageIdDomain"] = "ventanilla.netmas.test",
        ["Email:Mailboxes:0:Address"] = address,
        ["Email:Mailboxes:0:Imap:Host"] = "127.0.0.1",
        ["Email:Mailboxes:0:Imap:Port"] = "1",
        ["Email:Mailboxes:0:Imap:Security"] = "None",
        ["Email:Mailboxes:0:Imap:Username"] = "nadie",
        ["Email:Mailboxes:0:Imap:Password"] = "nada",
        ["Email:Mailboxes:0:Smtp:Host"] = "127.0.0.1",
        ["Email:Mailboxes:0:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Mailboxes:0:Smtp:Security"] = "None",
        ["Email:Mailboxes:0:Smtp:Username"] = User,
        ["Email:Mailboxes:0:Smtp:Password"] = Password,
    };

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        private static readonly SmtpResponse TryLater = new((SmtpReplyCode)451, "4.3.0 Sistema ocupado, intente más tarde");

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.Delay > TimeSpan.Zero)
            {
                await Task.Delay(server.Delay, cancellationToken);
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            server.Offered.Enqueue(message);
            switch (server.Answer)
            {
                case SmtpAnswer.Temporary:
                    return TryLater;
                case SmtpAnswer.Permanent:
                    return SmtpResponse.MailboxUnavailable;
            }

            server.Accepted(context, message);
            return SmtpResponse.Ok;
        }
    }
}
