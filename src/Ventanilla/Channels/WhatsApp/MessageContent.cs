using System.Globalization;
using System.Text.Json;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>A user message as the timeline shows it, the answer id it carries, and the medium or place it brings.</summary>
internal sealed record MessageContent(string Text, string? ChoiceId, string? MediaId, string? FileName, string? MimeType, string? Sha256, VisitPlace? Place)
{
    private static readonly string[] MediaTypes = ["image", "document", "audio", "video", "sticker"];

    private const int RawLimit = 2000;

    /// <summary>What the user sent, minus what is not text (the webhook is an intake edge).</summary>
    public static MessageContent Of(InboundWhatsApp m)
    {
        var content = Read(m);
        return content with { Text = Web.Text.Readable(content.Text)! };
    }

    private static MessageContent Read(InboundWhatsApp m)
    {
        switch (m.Type)
        {
            case "text":
                return Plain(m.Str("body") ?? "");
            case "interactive":
                var reply = m.Body is { } body && (body.TryGetProperty("button_reply", out var r) || body.TryGetProperty("list_reply", out r)) ? r : default;
                return new(WebhookPayload.Str(reply, "title") ?? "", WebhookPayload.Str(reply, "id"), null, null, null, null, null);
            case "button":
                return new(m.Str("text") ?? "", m.Str("payload"), null, null, null, null, null);
            case "location":
                var place = new VisitPlace(Number(m, "latitude"), Number(m, "longitude"), m.Str("name"), m.Str("address"));
                return new($"[Ubicación] {place}", null, null, null, null, null, place);
            case "reaction":
                var emoji = m.Str("emoji");
                return Plain(string.IsNullOrEmpty(emoji) ? "[Quitó su reacción a un mensaje]" : $"[Reaccionó con {emoji} a un mensaje]");
            case var type when MediaTypes.Contains(type):
                var caption = m.Str("caption");
                var label = Label(type);
                return new(caption is null ? $"[{label}]" : $"[{label}] {caption}", null, m.Str("id"),
                    m.Str("filename") ?? $"whatsapp-{type}{Extension(m.Str("mime_type"))}", m.Str("mime_type"), m.Str("sha256"), null);
            default:
                // Kept whole, so staff see what came even when we cannot render it.
                var raw = m.Message.GetRawText();
                return Plain($"[Mensaje de tipo «{m.Type}» que Ventanilla no sabe mostrar] {(raw.Length > RawLimit ? raw[..RawLimit] + "…" : raw)}");
        }
    }

    public bool IsMedia => MediaId is not null;

    private static MessageContent Plain(string text) => new(text, null, null, null, null, null, null);

    private static string Label(string type) => type switch
    {
        "image" => "Imagen",
        "document" => "Documento",
        "audio" => "Audio",
        "video" => "Video",
        _ => "Sticker",
    };

    private static string Extension(string? mime) => mime?.Split(';')[0].Trim() switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "application/pdf" => ".pdf",
        "audio/ogg" => ".ogg",
        "audio/mpeg" => ".mp3",
        "video/mp4" => ".mp4",
        _ => "",
    };

    private static double? Number(InboundWhatsApp m, string name) =>
        m.Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : double.TryParse(m.Str(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}

/// <summary>A place the subscriber shared: where the technician should go.</summary>
public sealed record VisitPlace(double? Latitude, double? Longitude, string? Name, string? Address)
{
    public override string ToString() => string.Join(", ", new[]
    {
        Name, Address,
        Latitude is { } lat && Longitude is { } lon ? string.Create(CultureInfo.InvariantCulture, $"{lat:0.######}, {lon:0.######}") : null,
    }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
