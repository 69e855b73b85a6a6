using System.Globalization;
using System.Text.Json.Nodes;

namespace Ventanilla.IntegrationTests.WhatsApp;

/// <summary>Webhook bodies in the shape the Cloud API posts them.</summary>
public static class Payloads
{
    public const string Juan = "5214921234567";

    public static string Messages(params JsonObject[] messages)
    {
        var first = messages[0];
        var contact = new JsonObject { ["profile"] = new JsonObject { ["name"] = "Juan Pérez" } };
        if (first["from"] is { } from)
        {
            contact["wa_id"] = from.GetValue<string>();
        }

        if (first["from_user_id"] is { } user)
        {
            contact["user_id"] = user.GetValue<string>();
        }

        return Envelope(new JsonObject { ["contacts"] = new JsonArray(contact), ["messages"] = new JsonArray([.. messages]) });
    }

    public static string Statuses(params JsonObject[] statuses) => Envelope(new JsonObject { ["statuses"] = new JsonArray([.. statuses]) });

    public static JsonObject Text(string id, string body, string? from = Juan, string? userId = null) =>
        Message(id, "text", new JsonObject { ["body"] = body }, from, userId);

    public static JsonObject ListReply(string id, string choiceId, string title, string from = Juan) =>
        Message(id, "interactive", new JsonObject { ["type"] = "list_reply", ["list_reply"] = new JsonObject { ["id"] = choiceId, ["title"] = title } }, from);

    public static JsonObject ButtonReply(string id, string choiceId, string title, string from = Juan) =>
        Message(id, "interactive", new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = choiceId, ["title"] = title } }, from);

    public static JsonObject Media(string id, string type, string mediaId, string sha256, string mime, string? caption = null, string? fileName = null)
    {
        var body = new JsonObject { ["id"] = mediaId, ["mime_type"] = mime, ["sha256"] = sha256 };
        if (caption is not null)
        {
            body["caption"] = caption;
        }

        if (fileName is not null)
        {
            body["filename"] = fileName;
        }

        return Message(id, type, body, Juan);
    }

    public static JsonObject Location(string id, double latitude, double longitude, string name, string address) =>
        Message(id, "location", new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude, ["name"] = name, ["address"] = address }, Juan);

    public static JsonObject Reaction(string id, string reactedTo, string emoji) =>
        Message(id, "reaction", new JsonObject { ["message_id"] = reactedTo, ["emoji"] = emoji }, Juan);

    public static JsonObject Unknown(string id, string type) =>
        Message(id, type, new JsonObject { ["something"] = "nuevo" }, Juan);

    public static JsonObject Status(string wamid, string status, int? errorCode = null, string? errorTitle = null)
    {
        var s = new JsonObject
        {
            ["id"] = wamid,
            ["status"] = status,
            ["timestamp"] = Now(),
            ["recipient_id"] = Juan,
        };
        if (errorCode is { } code)
        {
            s["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["title"] = errorTitle, ["message"] = errorTitle });
        }

        return s;
    }

    private static JsonObject Message(string id, string type, JsonObject body, string? from, string? userId = null)
    {
        var m = new JsonObject { ["id"] = id, ["timestamp"] = Now(), ["type"] = type, [type] = body };
        if (from is not null)
        {
            m["from"] = from;
        }

        if (userId is not null)
        {
            m["from_user_id"] = userId;
        }

        return m;
    }

    // Sent at the instant every test clock starts from, so a moment before the service receives it, whenever the suite runs.
    private static string Now() => TestClock.Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Envelope(JsonObject value)
    {
        value["messaging_product"] = "whatsapp";
        value["metadata"] = new JsonObject { ["display_phone_number"] = "524924781000", ["phone_number_id"] = GraphApiServer.PhoneNumberId };
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "WABA-1",
                ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }),
            }),
        }.ToJsonString();
    }
}
