using Ventanilla.Channels.Email;

namespace Ventanilla.Tests.Email;

public class HtmlContentTests
{
    private static MailContent HtmlOnly(string html) => MailContent.From(Mail.Parse($"""
        From: Ana <ana@example.com>
        To: soporte@nuevomundo.mx
        Subject: Sin servicio
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8
        Content-Transfer-Encoding: 8bit

        {html}
        """));

    [Fact]
    public void From_HtmlOnlyWithScriptAndHandlers_SanitizesAndRendersText()
    {
        var content = HtmlOnly("""
            <html><head><style>p { color: red }</style><script>alert('hola')</script></head>
            <body><p onclick="robar()">Hola, sigo <b>sin servicio</b>
            en   Guadalupe.</p><iframe src="https://evil.example.com/"></iframe>
            <p><a href="javascript:alert(1)">ver</a> <a href="https://nuevomundo.mx/estado">estado</a></p></body></html>
            """);

        Assert.NotNull(content.SanitizedHtml);
        Assert.DoesNotContain("script", content.SanitizedHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", content.SanitizedHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", content.SanitizedHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("iframe", content.SanitizedHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b>sin servicio</b>", content.SanitizedHtml, StringComparison.Ordinal);
        Assert.Contains("https://nuevomundo.mx/estado", content.SanitizedHtml, StringComparison.Ordinal);
        Assert.Equal("Hola, sigo sin servicio en Guadalupe.\nver estado", content.Text);
    }

    [Fact]
    public void From_HtmlWithRemoteImages_RemovesThemAndKeepsInlineOnes()
    {
        var content = HtmlOnly("""
            <p>Foto del módem:</p>
            <img src="https://tracker.example.com/pixel.gif?u=ana" width="1" height="1">
            <div style="background-image: url('https://tracker.example.com/bg.png')">x</div>
            <table background="https://tracker.example.com/t.png"><tr><td>y</td></tr></table>
            <img src="cid:modem@example.com" alt="módem">
            """);

        Assert.DoesNotContain("tracker.example.com", content.SanitizedHtml, StringComparison.Ordinal);
        Assert.Contains("cid:modem@example.com", content.SanitizedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void From_GmailHtmlReply_SplitsTheBlockquoteIntoHistory()
    {
        var content = HtmlOnly("""
            <div dir="ltr">Ya llegó el técnico, gracias.</div><br>
            <div class="gmail_quote"><div dir="ltr" class="gmail_attr">El jue, 26 nov 2026 a las 10:15,
            Soporte Nuevo Mundo (&lt;soporte@nuevomundo.mx&gt;) escribió:<br></div>
            <blockquote class="gmail_quote"><div>Recibimos su reporte.</div><div>Su folio es NM-2026-000123.</div></blockquote></div>
            """);

        Assert.Equal("Ya llegó el técnico, gracias.", content.Text);
        Assert.NotNull(content.QuotedHistory);
        Assert.Contains("> Recibimos su reporte.", content.QuotedHistory, StringComparison.Ordinal);
    }

    [Fact]
    public void From_PlainAndHtmlAlternatives_PrefersThePlainText()
    {
        var message = Mail.Parse("""
            From: Ana <ana@example.com>
            Subject: Sin servicio
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8

            Texto plano.
            --alt
            Content-Type: text/html; charset=utf-8

            <p>Texto <i>HTML</i>.</p>
            --alt--
            """);

        var content = MailContent.From(message);

        Assert.Equal("Texto plano.", content.Text);
        Assert.Empty(content.Files);
    }
}
