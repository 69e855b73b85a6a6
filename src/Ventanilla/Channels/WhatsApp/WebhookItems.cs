using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// Splits a webhook post into its messages and statuses, each re-wrapped as a post of one item (the
/// shape <see cref="WebhookPayload"/> reads), so each is stored, claimed and retried on its own: one
/// message failing holds back only that user's later messages, and the same message posted again is
/// recognised by its id.
/// </summary>
internal static class WebhookItems
{
    private const int MaxIdLength = 900;

    /// <param name="ExternalId">The message's id, or <c>status:&lt;id&gt;:&lt;status&gt;</c>; null when it has no readable id.</param>
    /// <param name="ConversationKey">The sender (wa_id, or user id without one): their messages are processed in order.</param>
    public sealed record Item(string? ExternalId, string? ConversationKey, byte[] Raw);

    public static IReadOnlyList<Item> Split(byte[] raw)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            // Kept whole: the processor flags it for an administrator.
            return [new Item(null, null, raw)];
        }

        var items = new List<Item>();
        foreach (var (entry, change, value) in Values(root))
        {
            foreach (var message in Array(value, "messages"))
            {
                var from = Str(message, "from") ?? Str(message, "from_user_id");
                items.Add(new Item(Id(message), from is { Length: <= Messaging.InboundMessage.ConversationKeyLimit } ? from : null,
                    Wrap(root!, entry, change, value, "messages", message)));
            }

            foreach (var status in Array(value, "statuses"))
            {
                var id = Id(status) is { } s ? $"status:{s}:{Str(status, "status")}" : null;
                items.Add(new Item(id is { Length: <= MaxIdLength } ? id : null, null, Wrap(root!, entry, change, value, "statuses", status)));
            }
        }

        // A post with nothing we know in it is still kept as it came.
        return items.Count == 0 ? [new Item(null, null, raw)] : items;
    }

    private static IEnumerable<(JsonObject Entry, JsonObject Change, JsonObject Value)> Values(JsonNode? root)
    {
        foreach (var entry in Array(root, "entry"))
        {
            foreach (var change in Array(entry, "changes"))
            {
                if (change["value"] is JsonObject value)
                {
                    yield return (entry, change, value);
                }
            }
        }
    }

    // The post's envelope (object, entry id, field, metadata, contacts) with only this one item in it.
    private static byte[] Wrap(JsonNode root, JsonObject entry, JsonObject change, JsonObject value, string list, JsonObject item)
    {
        var newValue = Without(value, "messages", "statuses");
        newValue[list] = new JsonArray(item.DeepClone());
        var newChange = Without(change, "value");
        newChange["value"] = newValue;
        var newEntry = Without(entry, "changes");
        newEntry["changes"] = new JsonArray(newChange);
        var newRoot = Without(root.AsObject(), "entry");
        newRoot["entry"] = new JsonArray(newEntry);
        return JsonSerializer.SerializeToUtf8Bytes(newRoot);
    }

    private static JsonObject Without(JsonObject source, params string[] left)
    {
        var copy = new JsonObject();
        foreach (var (name, node) in source.Where(p => !left.Contains(p.Key)))
        {
            copy[name] = node?.DeepClone();
        }

        return copy;
    }

    private static IEnumerable<JsonObject> Array(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonArray a ? a.OfType<JsonObject>() : [];

    private static string? Str(JsonObject item, string name) =>
        item[name] is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number ? v.ToString() : null;

    // The same test the payload's reader makes: an id that is not plain text is no key.
    private static string? Id(JsonObject item) =>
        Str(item, "id") is { Length: > 0 and <= MaxIdLength } id && Web.Text.Readable(id) == id ? id : null;
}
