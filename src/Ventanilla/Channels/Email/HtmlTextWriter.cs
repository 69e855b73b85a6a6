using System.Text;
using AngleSharp.Dom;

namespace Ventanilla.Channels.Email;

/// <summary>Renders a (sanitized) HTML tree as the text a person would read, one block per line.</summary>
internal sealed class HtmlTextWriter
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "LI", "TR", "H1", "H2", "H3", "H4", "H5", "H6", "TABLE", "UL", "OL", "PRE", "HR", "SECTION", "ARTICLE", "HEADER", "FOOTER",
    };

    private readonly StringBuilder text = new();
    private int quoteDepth;
    private bool atLineStart = true;

    public void Write(INode node)
    {
        switch (node)
        {
            case IText textNode:
                Append(textNode.Data);
                break;
            case IElement { TagName: "BR" }:
                NewLine();
                break;
            case IElement { TagName: "BLOCKQUOTE" } quote:
                NewLine();
                quoteDepth++;
                WriteChildren(quote);
                quoteDepth--;
                NewLine();
                break;
            case IElement element when Blocks.Contains(element.TagName):
                NewLine();
                WriteChildren(element);
                NewLine();
                break;
            case IElement { TagName: "TD" or "TH" } cell:
                WriteChildren(cell);
                Append(" ");
                break;
            default:
                WriteChildren(node);
                break;
        }
    }

    public override string ToString() =>
        string.Join('\n', text.ToString().Split('\n').Select(line => line.TrimEnd())).Trim('\n');

    private void WriteChildren(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            Write(child);
        }
    }

    private void Append(string data)
    {
        // Source line breaks and runs of spaces are layout, not content, as a browser treats them.
        var collapsed = string.Join(' ', data.Split((char[])[' ', '\t', '\r', '\n', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length == 0)
        {
            // A space between two inline elements still separates their words.
            if (data.Length > 0 && !atLineStart && text[^1] != ' ')
            {
                text.Append(' ');
            }

            return;
        }

        if (atLineStart)
        {
            text.Append(string.Concat(Enumerable.Repeat("> ", quoteDepth)));
            atLineStart = false;
        }
        else if (char.IsWhiteSpace(data[0]) && text[^1] != ' ')
        {
            text.Append(' ');
        }

        text.Append(collapsed);
        if (char.IsWhiteSpace(data[^1]))
        {
            text.Append(' ');
        }
    }

    private void NewLine()
    {
        if (!atLineStart)
        {
            text.Append('\n');
            atLineStart = true;
        }
    }
}
