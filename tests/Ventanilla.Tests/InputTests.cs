using Ventanilla.Subscribers;
using Ventanilla.Tickets;
using Ventanilla.Web;

namespace Ventanilla.Tests;

public class InputTests
{
    [Theory]
    [InlineData("492 478 1000", "+524924781000")]
    [InlineData("492-47-81-000", "+524924781000")]
    [InlineData("+52 1 492 478 1000", "+524924781000")]
    [InlineData("(33) 5980 1746", "+523359801746")]
    [InlineData("+1 415 555 2671", "+14155552671")]
    public void Normalize_GivesE164WithMexicoAsDefault(string raw, string expected) =>
        Assert.Equal(expected, MexicanPhones.Normalize(raw));

    [Theory]
    [InlineData("12345")]
    [InlineData("no tengo")]
    [InlineData("")]
    public void Normalize_RejectsWhatIsNotAPhone(string raw) => Assert.Null(MexicanPhones.Normalize(raw));

    [Fact]
    public void SearchForms_IncludeTheTenDigitNationalNumber() =>
        Assert.Equal(["+524924781000", "524924781000", "4924781000"], MexicanPhones.SearchForms("+524924781000"));

    [Theory]
    [InlineData(" Juan.Perez@Example.MX ", "juan.perez@example.mx")]
    [InlineData("a@b.co", "a@b.co")]
    public void EmailNormalize_LowersAndTrims(string raw, string expected) =>
        Assert.Equal(expected, EmailAddresses.Normalize(raw));

    [Theory]
    [InlineData("juan")]
    [InlineData("juan@localhost")]
    [InlineData("Juan <juan@example.mx>")]
    [InlineData("juan@@example.mx")]
    public void EmailNormalize_RejectsWhatIsNotOnePlainAddress(string raw) => Assert.Null(EmailAddresses.Normalize(raw));

    [Fact]
    public void Fold_RemovesAccentsAndCase() => Assert.Equal("jose pena nunez", Text.Fold(" José Peña Núñez "));

    [Fact]
    public void Fts5Expression_QuotesEveryWordAsAPrefix() =>
        Assert.Equal("\"modem\"* \"nm\"* \"2026\"* \"fall\"*", TicketSearch.Fts5Expression("modem, NM-2026 Fallas"));

    [Fact]
    public void Fts5Expression_OfOnlyPunctuation_IsNothing() => Assert.Null(TicketSearch.Fts5Expression("\"*()"));
}
