using System.Globalization;
using System.Text.Json;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>One message a user sent, as the webhook describes it; <see cref="Body"/> is the type's own object.</summary>
public sealed record InboundWhatsApp(string Id, WhatsAppUser From, string Type, DateTime SentAt, JsonElement Message)
{
    public JsonElement? Body => Message.TryGetProperty(Type, out var body) ? body : null;

    public string? Str(string property) =>
        Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>A delivery report for a message we sent, with Meta's error when it failed.</summary>
public sealed record StatusReport(string MessageId, string Status, DateTime At, int? ErrorCode, string? ErrorTitle);

/// <summary>
/// The messages and statuses of one webhook post, read leniently: a field we do not know is ignored,
/// never fatal, and an item we cannot read at all is left out and named in <see cref="Skipped"/>, so
/// the other items of the same post still count.
/// </summary>
public sealed record WebhookPayload(IReadOnlyList<InboundWhatsApp> Messages, IReadOnlyList<StatusReport> Statuses, IReadOnlyList<string> Skipped)
{
    public static WebhookPayload Parse(byte[] raw)
    {
        using var document = JsonDocument.Parse(raw);
        var messages = new List<InboundWhatsApp>();
        var statuses = new List<StatusReport>();
        var skipped = new List<string>();
        foreach (var value in Values(document.RootElement))
        {
            var contacts = Array(value, "contacts");
            foreach (var (m, i) in Array(value, "messages").Select((m, i) => (m, i)))
            {
                if (Id(m) is not { } id)
                {
                    skipped.Add($"messages[{i}]: sin id legible");
                    continue;
                }

                var from = Str(m, "from");
                var fromUser = Str(m, "from_user_id");
                // The contact that wrote: matched by either id; with one contact per post, that one.
                var contact = contacts.FirstOrDefault(c => (from is not null && Str(c, "wa_id") == from) || (fromUser is not null && Str(c, "user_id") == fromUser));
                if (contact.ValueKind == JsonValueKind.Undefined && contacts.Count == 1)
                {
                    contact = contacts[0];
                }

                var name = contact.ValueKind == JsonValueKind.Object && contact.TryGetProperty("profile", out var profile) ? Str(profile, "name") : null;
                var user = WhatsAppUser.From(from ?? Str(contact, "wa_id"), fromUser ?? Str(contact, "user_id"), name);
                if (user.WaId is null && user.UserId is null)
                {
                    skipped.Add($"messages[{i}]: sin remitente legible");
                    continue;
                }

                messages.Add(new InboundWhatsApp(id, user, Str(m, "type") ?? "unknown", Time(Str(m, "timestamp")), m.Clone()));
            }

            foreach (var (s, i) in Array(value, "statuses").Select((s, i) => (s, i)))
            {
                var error = Array(s, "errors").FirstOrDefault();
                if (Id(s) is not { } id || !ErrorCode(error, out var code))
                {
                    skipped.Add($"statuses[{i}]: sin id legible o con un código de error que no es un número");
                    continue;
                }

                statuses.Add(new StatusReport(id, Str(s, "status") ?? "", Time(Str(s, "timestamp")), code,
                    error.ValueKind == JsonValueKind.Object ? Str(error, "title") ?? Str(error, "message") : null));
            }
        }

        return new WebhookPayload(messages, statuses, skipped);
    }

    // Meta's ids are plain text; one that is missing or carries what is not text cannot be looked up nor stored.
    private static string? Id(JsonElement item) =>
        Str(item, "id") is { Length: > 0 } id && Web.Text.Readable(id) == id ? id : null;

    // Meta sends the code as a number; a string of digits is read too, anything else makes the item unreadable.
    private static bool ErrorCode(JsonElement error, out int? code)
    {
        code = null;
        if (error.ValueKind != JsonValueKind.Object || !error.TryGetProperty("code", out var c) || c.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if ((c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n))
            || (c.ValueKind == JsonValueKind.String && int.TryParse(c.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n)))
        {
            code = n;
            return true;
        }

        return false;
    }

    private static IEnumerable<JsonElement> Values(JsonElement root) =>
        Array(root, "entry").SelectMany(e => Array(e, "changes"))
            .Where(c => c.TryGetProperty("value", out _)).Select(c => c.GetProperty("value"));

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? [.. a.EnumerateArray()] : [];

    internal static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
            : null;

    // Meta's timestamps are Unix seconds, as a string.
    private static DateTime Time(string? seconds) =>
        long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? DateTime.UnixEpoch.AddSeconds(s) : DateTime.UnixEpoch;
}
