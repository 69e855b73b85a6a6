using Ventanilla.Tickets;

namespace Ventanilla.Tests;

public class FolioTests
{
    [Theory]
    [InlineData("NM", 2026, 123, "NM-2026-000123")]
    [InlineData("NM", 2026, 1, "NM-2026-000001")]
    [InlineData("ABC", 2031, 999_999, "ABC-2031-999999")]
    [InlineData("NM", 2026, 1_234_567, "NM-2026-1234567")]
    public void ToString_PadsTheSequenceToSixDigits(string prefix, int year, long sequence, string expected) =>
        Assert.Equal(expected, new Folio(prefix, year, sequence).ToString());

    [Theory]
    [InlineData("NM-2026-000123")]
    [InlineData("nm-2026-000123")]
    [InlineData("  Nm-2026-000123 \t")]
    public void TryParse_IgnoresCaseAndSurroundingSpace(string text)
    {
        Assert.True(Folio.TryParse(text, out var folio));
        Assert.Equal(new Folio("NM", 2026, 123), folio);
        Assert.Equal("NM-2026-000123", folio.Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NM-2026-123")]
    [InlineData("NM2026000123")]
    [InlineData("NM-26-000123")]
    [InlineData("NM-2026-000000")]
    [InlineData("N M-2026-000123")]
    [InlineData("NM-2026-000123-1")]
    [InlineData("123-2026-000123")]
    [InlineData("NM-٢٠٢٦-000123")]
    [InlineData("NM-2026-٠٠٠١٢٣")]
    [InlineData("NM-２０２６-000123")]
    public void TryParse_RejectsWhatIsNotAFolio(string? text) =>
        Assert.False(Folio.TryParse(text, out _));

    [Fact]
    public void TicketId_IsUniquePerYearAndSequence_WhateverThePrefix()
    {
        Assert.Equal(new Folio("NM", 2026, 7).TicketId, new Folio("XY", 2026, 7).TicketId);
        Assert.NotEqual(new Folio("NM", 2026, 7).TicketId, new Folio("NM", 2027, 7).TicketId);
        Assert.True(new Folio("NM", 2027, 1).TicketId > new Folio("NM", 2026, 999_999_999).TicketId);
    }
}
