using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Ventanilla.IntegrationTests;

/// <summary>The throwaway Dovecot that test.sh starts; a missing one fails the test, never skips it.</summary>
public sealed class TestMailServer
{
    private TestMailServer(string host, int port, string user, string password)
    {
        Host = host;
        Port = port;
        User = user;
        Password = password;
    }

    public string Host { get; }
    public int Port { get; }
    public string User { get; }
    public string Password { get; }

    /// <summary>A configured user's mailbox, emptied, so each test starts from nothing.</summary>
    public static async Task<TestMailServer> MailboxAsync(string user)
    {
        var endpoint = Environment.GetEnvironmentVariable("VENTANILLA_TEST_IMAP");
        var users = Environment.GetEnvironmentVariable("VENTANILLA_TEST_IMAP_USERS");
        if (string.IsNullOrEmpty(endpoint) || string.IsNullOrEmpty(users))
        {
            throw new InvalidOperationException(
                "VENTANILLA_TEST_IMAP and VENTANILLA_TEST_IMAP_USERS are not set: the email tests need the Dovecot that ./test.sh starts.");
        }

        var colon = endpoint.LastIndexOf(':');
        var password = users.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split(':', 2)).FirstOrDefault(pair => pair[0] == user)?[1]
            ?? throw new InvalidOperationException($"VENTANILLA_TEST_IMAP_USERS has no password for {user}.");
        var server = new TestMailServer(endpoint[..colon], int.Parse(endpoint[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), user, password);
        await server.WithInboxAsync(async inbox =>
        {
            var all = await inbox.SearchAsync(SearchQuery.All);
            if (all.Count > 0)
            {
                await inbox.AddFlagsAsync(all, MessageFlags.Deleted, silent: true);
                await inbox.ExpungeAsync();
            }

            return 0;
        });
        return server;
    }

    public IReadOnlyDictionary<string, string?> Settings(string? area = null) => new Dictionary<string, string?>
    {
        ["Email:RunInBackground"] = "false",
        ["Email:Mailboxes:0:Address"] = User,
        ["Email:Mailboxes:0:Imap:Host"] = Host,
        ["Email:Mailboxes:0:Imap:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Mailboxes:0:Imap:Security"] = "None",
        ["Email:Mailboxes:0:Imap:Username"] = User,
        ["Email:Mailboxes:0:Imap:Password"] = Password,
        ["Email:Mailboxes:0:Area"] = area,
    };

    /// <summary>Many messages over one connection, as a busy morning brings them.</summary>
    public Task<int> AppendManyAsync(IEnumerable<MimeMessage> messages) =>
        WithInboxAsync(async inbox =>
        {
            var count = 0;
            foreach (var message in messages)
            {
                await inbox.AppendAsync(message);
                count++;
            }

            return count;
        });

    /// <summary>How many messages of the INBOX are still unseen.</summary>
    public Task<int> UnseenCountAsync() => WithInboxAsync(async inbox => (await inbox.SearchAsync(SearchQuery.NotSeen)).Count);

    public Task<UniqueId> AppendAsync(MimeMessage message) =>
        WithInboxAsync(async inbox => await inbox.AppendAsync(message) ?? throw new InvalidOperationException("No UID from APPEND."));

    /// <summary>Bytes as they are, through a bare APPEND: MailKit only appends what MimeKit could read.</summary>
    public async Task AppendRawAsync(byte[] raw)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(Host, Port);
        var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
        await reader.ReadLineAsync();
        await SendAsync(stream, reader, $"a LOGIN \"{User}\" \"{Password}\"\r\n", "a ");
        var command = System.Text.Encoding.ASCII.GetBytes($"b APPEND INBOX {{{raw.Length}+}}\r\n");
        await stream.WriteAsync(command.Concat(raw).Concat("\r\n"u8.ToArray()).ToArray());
        var answer = await ReadTaggedAsync(reader, "b ");
        Assert.StartsWith("b OK", answer, StringComparison.Ordinal);
        await SendAsync(stream, reader, "c LOGOUT\r\n", "c ");
    }

    private static async Task<string> SendAsync(System.Net.Sockets.NetworkStream stream, StreamReader reader, string line, string tag)
    {
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(line));
        return await ReadTaggedAsync(reader, tag);
    }

    private static async Task<string> ReadTaggedAsync(StreamReader reader, string tag)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(tag, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException("The IMAP server closed the connection.");
    }

    public Task<bool> IsSeenAsync(UniqueId uid) =>
        WithInboxAsync(async inbox => (await inbox.FetchAsync([uid], MessageSummaryItems.Flags)).Single().Flags!.Value.HasFlag(MessageFlags.Seen));

    /// <summary>Undoes our \Seen mark, as if the poller had stopped right after storing the message.</summary>
    public Task ForgetSeenAsync(UniqueId uid) =>
        WithInboxAsync(async inbox =>
        {
            await inbox.RemoveFlagsAsync(uid, MessageFlags.Seen, silent: true);
            return 0;
        });

    private async Task<T> WithInboxAsync<T>(Func<IMailFolder, Task<T>> work)
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync(Host, Port, SecureSocketOptions.None);
        await imap.AuthenticateAsync(User, Password);
        await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
        var result = await work(imap.Inbox);
        await imap.DisconnectAsync(true);
        return result;
    }
}
