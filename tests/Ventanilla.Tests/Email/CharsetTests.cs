using Ventanilla.Channels.Email;

namespace Ventanilla.Tests.Email;

public class CharsetTests
{
    [Fact]
    public void From_Latin1BodyWithEncodedSubjectAndName_KeepsSpanishAccents()
    {
        var message = Mail.Parse("""
            From: =?ISO-8859-1?Q?Mar=EDa_Jos=E9_N=FA=F1ez?= <mjose@example.com>
            To: soporte@nuevomundo.mx
            Subject: =?ISO-8859-1?Q?Sin_se=F1al_en_Guadalupe,_=BFqu=E9_pas=F3=3F?=
            MIME-Version: 1.0
            Content-Type: text/plain; charset=ISO-8859-1
            Content-Transfer-Encoding: 8bit

            Desde el miércoles no hay señal en la colonia Guadalupe. ¿Qué pasó?
            """, "iso-8859-1");

        var content = MailContent.From(message);

        Assert.Equal("Sin señal en Guadalupe, ¿qué pasó?", content.Subject);
        Assert.Equal("María José Núñez", message.From.Mailboxes.Single().Name);
        Assert.Equal("Desde el miércoles no hay señal en la colonia Guadalupe. ¿Qué pasó?", content.Text);
    }

    [Fact]
    public void From_Utf8Base64Subject_Decodes()
    {
        var message = Mail.Parse("""
            From: Ana <ana@example.com>
            Subject: =?UTF-8?B?U2luIHNlw7FhbCBlbiBHdWFkYWx1cGUsIMK/cXXDqSBwYXPDsz8=?=
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Ya van tres d=C3=ADas sin se=C3=B1al.
            """);

        var content = MailContent.From(message);

        Assert.Equal("Sin señal en Guadalupe, ¿qué pasó?", content.Subject);
        Assert.Equal("Ya van tres días sin señal.", content.Text);
    }

    [Theory]
    [InlineData("windows-1252")]
    // Outlook labels Windows-1252 text as ISO-8859-1 and still uses its curly quotes and dashes.
    [InlineData("iso-8859-1")]
    public void From_Windows1252Body_DecodesQuotesDashesAndAccents(string label)
    {
        var message = Mail.Parse($"""
            From: Ana <ana@example.com>
            Subject: Cobro
            Content-Type: text/plain; charset={label}
            Content-Transfer-Encoding: 8bit

            Me cobraron “$499” – otra vez – en el recibo de teléfono… ¡no es justo!
            """, "windows-1252");

        Assert.Equal("Me cobraron “$499” – otra vez – en el recibo de teléfono… ¡no es justo!", MailContent.From(message).Text);
    }

    [Fact]
    public void From_Utf8BodyWithoutCharset_StillKeepsAccents()
    {
        var message = Mail.Parse("""
            From: Ana <ana@example.com>
            Subject: Sin servicio
            Content-Type: text/plain
            Content-Transfer-Encoding: 8bit

            ¿Qué pasó con mi línea?
            """);

        Assert.Equal("¿Qué pasó con mi línea?", MailContent.From(message).Text);
    }
}
