using System.Text.Json.Nodes;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>The Cloud API's message bodies for an outbox row.</summary>
internal static class WhatsAppMessages
{
    private const int ButtonTitle = 20;
    private const int RowTitle = 24;
    private const int InteractiveBody = 1024;

    /// <summary>Free text, or the text with reply buttons (three at most) or a list (up to ten) when it offers choices.</summary>
    public static JsonObject Free(Messaging.OutboxMessage row)
    {
        var message = Addressed(row);
        var choices = row.OfferedChoices();
        if (choices.Count == 0 || row.Body.Length > InteractiveBody)
        {
            message["type"] = "text";
            message["text"] = new JsonObject { ["preview_url"] = false, ["body"] = row.Body };
            return message;
        }

        var action = choices.Count <= 3
            ? new JsonObject
            {
                ["buttons"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject
                {
                    ["type"] = "reply",
                    ["reply"] = new JsonObject { ["id"] = c.Id, ["title"] = Cut(c.Title, ButtonTitle) },
                })]),
            }
            : new JsonObject
            {
                ["button"] = "Ver opciones",
                ["sections"] = new JsonArray(new JsonObject
                {
                    ["title"] = "Opciones",
                    ["rows"] = new JsonArray([.. choices.Take(10).Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["title"] = Cut(c.Title, RowTitle) })]),
                }),
            };
        message["type"] = "interactive";
        message["interactive"] = new JsonObject
        {
            ["type"] = choices.Count <= 3 ? "button" : "list",
            ["body"] = new JsonObject { ["text"] = row.Body },
            ["action"] = action,
        };
        return message;
    }

    /// <summary>The approved template for the row's event, its body filled with the row's values in order.</summary>
    public static JsonObject Template(Messaging.OutboxMessage row, TemplateOptions template)
    {
        var message = Addressed(row);
        var values = row.TemplateValues();
        var body = new JsonObject
        {
            ["name"] = template.Name,
            ["language"] = new JsonObject { ["code"] = template.Language },
        };
        if (values.Count > 0)
        {
            body["components"] = new JsonArray(new JsonObject
            {
                ["type"] = "body",
                ["parameters"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = v })]),
            });
        }

        message["type"] = "template";
        message["template"] = body;
        return message;
    }

    // A phone goes in "to"; a user known only by their business-scoped id goes in "recipient".
    private static JsonObject Addressed(Messaging.OutboxMessage row) => WhatsAppIds.IsPhone(row.Recipient)
        ? new JsonObject { ["recipient_type"] = "individual", ["to"] = WhatsAppIds.ToAddress(row.Recipient) }
        : new JsonObject { ["recipient_type"] = "individual", ["recipient"] = row.Recipient };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
