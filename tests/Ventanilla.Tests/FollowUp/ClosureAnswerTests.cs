using Ventanilla.Tickets.Closure;

namespace Ventanilla.Tests.FollowUp;

public class ClosureAnswerTests
{
    [Theory]
    [InlineData("Sí")]
    [InlineData("sí, ya funciona")]
    [InlineData("¡Sí! Ya funciona, muchas gracias")]
    [InlineData("Ya funciona bien desde ayer")]
    [InlineData("Confirmo.\n\n> El 3 de marzo, Netmas escribió:")]
    [InlineData("SI YA QUEDO")]
    [InlineData("Listo, gracias")]
    public void A_plain_yes_confirms(string reply) => Assert.Equal(ClosureReply.Fixed, ClosureAnswer.Read(reply));

    [Theory]
    [InlineData("No")]
    [InlineData("no, sigue igual")]
    [InlineData("Sigue igual, el módem parpadea")]
    [InlineData("No está resuelto")]
    [InlineData("Sí, pero sigue sin señal")]
    [InlineData("Todavía no regresa el internet")]
    [InlineData("NO FUNCIONA")]
    public void A_plain_no_says_not_fixed(string reply) => Assert.Equal(ClosureReply.NotFixed, ClosureAnswer.Read(reply));

    [Theory]
    [InlineData("")]
    [InlineData("¿A qué hora viene el técnico?")]
    [InlineData("Sin comentarios")]
    [InlineData("Sigo esperando la factura")]
    [InlineData("Nosotros pagamos a tiempo")]
    [InlineData("Gracias por el aviso\nSí, ya funciona")]
    public void Anything_else_is_left_for_an_agent(string reply) => Assert.Equal(ClosureReply.Unclear, ClosureAnswer.Read(reply));
}
