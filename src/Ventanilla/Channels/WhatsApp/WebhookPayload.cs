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

/// <summary>The messages and statuses of one webhook post, read leniently: a field we do not know is ignored, never fatal.</summary>
public sealed record WebhookPayload(IReadOnlyList<InboundWhatsApp> Messages, IReadOnlyList<StatusReport> Statuses)
{
    public static WebhookPayload Parse(byte[] raw)
    {
        using var document = JsonDocument.Parse(raw);
        var messages = new List<InboundWhatsApp>();
        var statuses = new List<StatusReport>();
        foreach (var value in Values(document.RootElement))
        {
            var contacts = Array(value, "contacts");
            foreach (var m in Array(value, "messages"))
            {
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
                messages.Add(new InboundWhatsApp(Str(m, "id") ?? "", user, Str(m, "type") ?? "unknown", Time(Str(m, "timestamp")), m.Clone()));
            }

            foreach (var s in Array(value, "statuses"))
            {
                var error = Array(s, "errors").FirstOrDefault();
                int? code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
                statuses.Add(new StatusReport(Str(s, "id") ?? "", Str(s, "status") ?? "", Time(Str(s, "timestamp")), code,
                    error.ValueKind == JsonValueKind.Object ? Str(error, "title") ?? Str(error, "message") : null));
            }
        }

        return new WebhookPayload(messages, statuses);
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
