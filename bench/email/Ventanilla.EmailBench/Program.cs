using System.Diagnostics;
using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Data.Sqlite;
using MimeKit;

// Email ingestion, next to its own baseline from the same run:
//   1. puts N messages into a Dovecot INBOX by IMAP APPEND;
//   2. raw: fetches them all with MailKit, one message at a time as the poller does (read-only, flags untouched);
//   3. Ventanilla: starts the service on a fresh SQLite database, lets it read the mailbox (IDLE)
//      and turn every message into a ticket, and reads the rates from the rows it wrote.
// Everything listens on loopback; every wait is bounded.
var options = Options.Parse(args);
var culture = CultureInfo.InvariantCulture;

await WithInboxAsync(options, FolderAccess.ReadWrite, async inbox =>
{
    var all = await inbox.SearchAsync(SearchQuery.All);
    if (all.Count > 0)
    {
        await inbox.AddFlagsAsync(all, MessageFlags.Deleted, silent: true);
        await inbox.ExpungeAsync();
    }

    var append = Stopwatch.StartNew();
    for (var i = 1; i <= options.Messages; i++)
    {
        await inbox.AppendAsync(Sample(i));
    }

    Console.WriteLine(string.Create(culture, $"append: {options.Messages} messages in {append.Elapsed.TotalSeconds:0.00} s"));
});

var bytes = 0L;
var raw = Stopwatch.StartNew();
await WithInboxAsync(options, FolderAccess.ReadOnly, async inbox =>
{
    foreach (var uid in await inbox.SearchAsync(SearchQuery.All))
    {
        using var copy = new MemoryStream();
        await using (var content = await inbox.GetStreamAsync(uid))
        {
            await content.CopyToAsync(copy);
        }

        bytes += copy.Length;
    }
});
raw.Stop();
Console.WriteLine(string.Create(culture,
    $"raw IMAP fetch (MailKit, one at a time): {options.Messages / raw.Elapsed.TotalSeconds:0} messages/s ({bytes / 1024.0 / 1024.0:0.0} MiB in {raw.Elapsed.TotalSeconds:0.00} s)"));

var database = Path.Combine(options.Work, "email-bench.db");
using var service = StartService(options, database);
var limit = Stopwatch.StartNew();
var done = 0L;
while (done < options.Messages)
{
    if (service.HasExited || limit.Elapsed > TimeSpan.FromMinutes(10))
    {
        Console.Error.WriteLine("The service stopped or took over ten minutes; its log is in " + options.Work);
        return 1;
    }

    await Task.Delay(200);
    done = await ScalarAsync(database, "SELECT count(*) FROM inbound_messages WHERE state = 'processed' AND ticket_id IS NOT NULL");
}

service.Kill(entireProcessTree: true);
await service.WaitForExitAsync();
var span = await SpansAsync(database);
var tickets = await ScalarAsync(database, "SELECT count(*) FROM tickets");
Console.WriteLine(string.Create(culture,
    $"Ventanilla IMAP -> inbox table: {options.Messages / span.Stored.TotalSeconds:0} messages/s ({span.Stored.TotalSeconds:0.00} s, stored raw, marked \\Seen)"));
Console.WriteLine(string.Create(culture,
    $"Ventanilla stored -> ticket: {options.Messages / span.Processed.TotalSeconds:0} messages/s ({span.Processed.TotalSeconds:0.00} s, {tickets} tickets with folio and acknowledgement)"));
Console.WriteLine(string.Create(culture,
    $"Ventanilla end to end (first stored to last ticket): {options.Messages / span.EndToEnd.TotalSeconds:0} messages/s ({span.EndToEnd.TotalSeconds:0.00} s)"));
return 0;

static MimeMessage Sample(int i)
{
    // A mix like a provider's inbox: short complaints, longer ones with quoted history, accents everywhere.
    var text = $"Buenas tardes, soy el suscriptor {i}. No tengo internet desde ayer en la colonia Del Valle; el módem parpadea en rojo.\n"
        + string.Concat(Enumerable.Repeat("> Mensaje anterior con el historial de la conversación.\n", i % 20));
    var message = new MimeMessage(
        [new MailboxAddress($"Suscriptor {i}", $"suscriptor{i}@example.com")],
        [new MailboxAddress("Net+", "contacto@netmas.mx")],
        $"Falla de servicio número {i}",
        new TextPart("plain") { Text = text });
    message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("bench.example.com");
    return message;
}

static async Task WithInboxAsync(Options options, FolderAccess access, Func<IMailFolder, Task> work)
{
    using var imap = new ImapClient();
    await imap.ConnectAsync(options.Host, options.Port, SecureSocketOptions.None);
    await imap.AuthenticateAsync(options.User, options.Password);
    await imap.Inbox.OpenAsync(access);
    await work(imap.Inbox);
    await imap.DisconnectAsync(true);
}

static Process StartService(Options options, string database)
{
    var start = new ProcessStartInfo("dotnet", [Path.Combine(options.App, "Ventanilla.dll")])
    {
        WorkingDirectory = options.Work,
        RedirectStandardOutput = false,
        RedirectStandardError = false,
    };
    var settings = new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Database__Provider"] = "Sqlite",
        ["Database__ConnectionString"] = $"Data Source={database}",
        ["Storage__Path"] = Path.Combine(options.Work, "files"),
        ["Bootstrap__AdminPassword"] = "Bench-Admin-Password-1",
        ["Email__AutoReplyDailyCap"] = "5",
        ["Email__Mailboxes__0__Address"] = options.User,
        ["Email__Mailboxes__0__Imap__Host"] = options.Host,
        ["Email__Mailboxes__0__Imap__Port"] = options.Port.ToString(CultureInfo.InvariantCulture),
        ["Email__Mailboxes__0__Imap__Security"] = "None",
        ["Email__Mailboxes__0__Imap__Username"] = options.User,
        ["Email__Mailboxes__0__Imap__Password"] = options.Password,
        ["Email__Mailboxes__0__PollSeconds"] = "5",
    };
    foreach (var (key, value) in settings)
    {
        start.Environment[key] = value;
    }

    return Process.Start(start) ?? throw new InvalidOperationException("Could not start the service.");
}

static async Task<long> ScalarAsync(string database, string sql)
{
    if (!File.Exists(database))
    {
        return 0;
    }

    try
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
    catch (SqliteException)
    {
        // Not migrated yet, or busy for a moment: try again on the next turn.
        return 0;
    }
}

static async Task<(TimeSpan Stored, TimeSpan Processed, TimeSpan EndToEnd)> SpansAsync(string database)
{
    await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT min(received_at), max(received_at), min(processed_at), max(processed_at) FROM inbound_messages";
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    var at = Enumerable.Range(0, 4).Select(i => DateTime.Parse(reader.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)).ToArray();
    return (at[1] - at[0], at[3] - at[2], at[3] - at[0]);
}

internal sealed record Options(string Host, int Port, string User, string Password, int Messages, string App, string Work)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Need(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
        var messages = int.Parse(values.GetValueOrDefault("messages", "1000"), CultureInfo.InvariantCulture);
        if (messages is < 1 or > 100_000)
        {
            throw new ArgumentException("--messages must be between 1 and 100000.");
        }

        return new Options(Need("host"), int.Parse(Need("port"), CultureInfo.InvariantCulture), Need("user"), Need("password"),
            messages, Need("app"), Need("work"));
    }
}
