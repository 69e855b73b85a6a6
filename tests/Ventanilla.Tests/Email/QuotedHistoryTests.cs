using Ventanilla.Channels.Email;

namespace Ventanilla.Tests.Email;

public class QuotedHistoryTests
{
    private static MailContent Body(string body) => MailContent.From(Mail.FromSubscriber(body: body));

    [Fact]
    public void From_GmailSpanishReply_SplitsAtElEscribio()
    {
        var content = Body("""
            Sigue sin funcionar.

            El jue, 26 nov 2026 a las 10:15, Soporte Nuevo Mundo <soporte@nuevomundo.mx>
            escribió:
            > Recibimos su reporte.
            > Su folio es NM-2026-000123.
            """);

        Assert.Equal("Sigue sin funcionar.", content.Text);
        Assert.StartsWith("El jue, 26 nov 2026", content.QuotedHistory, StringComparison.Ordinal);
        Assert.Contains("> Su folio es NM-2026-000123.", content.QuotedHistory, StringComparison.Ordinal);
    }

    [Fact]
    public void From_EnglishClientReply_SplitsAtOnWrote()
    {
        var content = Body("""
            Still no signal.

            On Thu, Nov 26, 2026 at 10:15 AM Soporte Nuevo Mundo <soporte@nuevomundo.mx> wrote:
            > Recibimos su reporte.
            """);

        Assert.Equal("Still no signal.", content.Text);
        Assert.Contains("> Recibimos su reporte.", content.QuotedHistory, StringComparison.Ordinal);
    }

    [Fact]
    public void From_OutlookOriginalMessage_SplitsAtTheSeparator()
    {
        var content = Body("""
            Adjunto mi recibo.

            -----Original Message-----
            From: Soporte Nuevo Mundo <soporte@nuevomundo.mx>
            Sent: Thursday, November 26, 2026 10:15 AM
            Subject: Recibimos su reporte
            """);

        Assert.Equal("Adjunto mi recibo.", content.Text);
        Assert.StartsWith("-----Original Message-----", content.QuotedHistory, StringComparison.Ordinal);
    }

    [Fact]
    public void From_SpanishOutlookHeaderBlock_SplitsAtTheRuleAboveDe()
    {
        var content = Body("""
            Buenas tardes, ya me cobraron de nuevo.

            ________________________________
            De: Soporte Nuevo Mundo <soporte@nuevomundo.mx>
            Enviado: jueves, 26 de noviembre de 2026 10:15
            Para: ana.lopez@example.com
            Asunto: Recibimos su reporte [Folio NM-2026-000123]

            Recibimos su reporte.
            """);

        Assert.Equal("Buenas tardes, ya me cobraron de nuevo.", content.Text);
        Assert.StartsWith("________________________________\nDe: Soporte", content.QuotedHistory, StringComparison.Ordinal);
        Assert.EndsWith("Recibimos su reporte.", content.QuotedHistory, StringComparison.Ordinal);
    }

    [Fact]
    public void From_QuotedLinesOnly_MovesThemToHistory()
    {
        var content = Body("""
            > ¿Ya reinició su módem?
            Sí, dos veces.
            """);

        Assert.Equal("Sí, dos veces.", content.Text);
        Assert.Equal("> ¿Ya reinició su módem?", content.QuotedHistory);
    }

    [Fact]
    public void From_NothingButHistory_KeepsItAllAsText()
    {
        var content = Body("""
            -----Mensaje original-----
            De: Banco <avisos@banco.example.com>
            Enviado: jueves
            Le informamos de un cargo de Nuevo Mundo.
            """);

        Assert.StartsWith("-----Mensaje original-----", content.Text, StringComparison.Ordinal);
        Assert.Null(content.QuotedHistory);
    }

    [Fact]
    public void From_SentenceStartingWithEl_IsNotAnAttribution()
    {
        var content = Body("""
            El técnico no vino.
            El módem sigue apagado.
            """);

        Assert.Equal("El técnico no vino.\nEl módem sigue apagado.", content.Text);
        Assert.Null(content.QuotedHistory);
    }

    [Fact]
    public void From_SubscriberSayingSomeoneWrote_IsNotAnAttribution()
    {
        var content = Body("""
            El lunes mi esposo les escribió: que no hay señal.
            On Monday I wrote: still nothing.
            """);

        Assert.Equal("El lunes mi esposo les escribió: que no hay señal.\nOn Monday I wrote: still nothing.", content.Text);
        Assert.Null(content.QuotedHistory);
    }

    [Fact]
    public void From_Outlook2016SpanishHeader_SplitsAtDe()
    {
        var content = Body("""
            Gracias.
            De: Soporte Nuevo Mundo [mailto:soporte@nuevomundo.mx]
            Enviado el: jueves, 26 de noviembre de 2026 10:15
            Asunto: Recibimos su reporte
            """);

        Assert.Equal("Gracias.", content.Text);
        Assert.StartsWith("De: Soporte", content.QuotedHistory, StringComparison.Ordinal);
    }
}
