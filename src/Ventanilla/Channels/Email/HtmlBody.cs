using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Ventanilla.Channels.Email;

/// <summary>Makes a received HTML body safe to show, and reads it as text for the timeline and search.</summary>
internal static class HtmlBody
{
    // One configured sanitizer: configuration is the costly part, and Sanitize is thread-safe.
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    /// <summary>Sanitized HTML as plain text; blockquotes become "> " lines so the quote splitter sees them.</summary>
    public static string ToText(string sanitizedHtml)
    {
        var document = new HtmlParser().ParseDocument(sanitizedHtml);
        var writer = new HtmlTextWriter();
        writer.Write(document.Body ?? (INode)document);
        return writer.ToString();
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();

        // Forms in a received mail are phishing; the rest of the defaults (no script, no iframe, no
        // on* attributes, no javascript: URLs) already hold.
        foreach (var tag in new[] { "form", "input", "button", "select", "option", "textarea", "fieldset", "legend", "label" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        // srcset would let a remote image past the filter below.
        sanitizer.AllowedAttributes.Remove("srcset");
        sanitizer.AllowedSchemes.Add("cid");

        // Remote images tell the sender when an agent opened the mail, and from where; inline images
        // (cid:) are ours to serve. Links stay: the agent may need them.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (!string.Equals(e.Tag.TagName, "A", StringComparison.OrdinalIgnoreCase)
                && e.SanitizedUrl is { } url
                && !url.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
            {
                e.SanitizedUrl = null;
            }
        };

        // url() in a style is a remote image by another name.
        sanitizer.AllowedCssProperties.Remove("background");
        sanitizer.AllowedCssProperties.Remove("background-image");
        sanitizer.AllowedCssProperties.Remove("list-style-image");
        sanitizer.AllowedCssProperties.Remove("content");
        return sanitizer;
    }
}
