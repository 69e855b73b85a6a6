using Ventanilla.Tickets;

namespace Ventanilla.Tests;

public class SpanishStemsTests
{
    [Theory]
    [InlineData("fallas", "fall")]
    [InlineData("falla", "fall")]
    [InlineData("cobros", "cobr")]
    [InlineData("señales", "señal")]
    [InlineData("llamadas", "llamad")]
    [InlineData("clientes", "client")]
    [InlineData("lento", "lent")]
    public void Stem_OfAPluralOrAGender_IsAPrefixOfTheOtherForms(string word, string stem) =>
        Assert.Equal(stem, SpanishStems.Of(word));

    [Theory]
    [InlineData("mes")]
    [InlineData("luz")]
    [InlineData("meses")]
    [InlineData("modem")]
    [InlineData("internet")]
    [InlineData("7788")]
    [InlineData("zac7788a")]
    public void Stem_OfAShortWordANumberOrAnotherEnding_IsTheWordItself(string word) =>
        Assert.Equal(word, SpanishStems.Of(word));
}
