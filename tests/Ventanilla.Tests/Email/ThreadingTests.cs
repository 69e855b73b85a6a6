using Ventanilla.Channels.Email;
using Ventanilla.Tickets;

namespace Ventanilla.Tests.Email;

public class ThreadingTests
{
    private static readonly Folio Folio = new("NM", 2026, 123);

    [Fact]
    public void CandidateIds_NewMessage_IsEmpty() =>
        Assert.Empty(MailThreading.CandidateIds(Mail.FromSubscriber()));

    [Fact]
    public void CandidateIds_ReplyWithInReplyTo_ReturnsItWithoutBrackets()
    {
        var reply = Mail.FromSubscriber("In-Reply-To: <ack.5d1f@ventanilla.nuevomundo.mx>\n");

        Assert.Equal(["ack.5d1f@ventanilla.nuevomundo.mx"], MailThreading.CandidateIds(reply));
    }

    [Fact]
    public void CandidateIds_ReplyWithOnlyReferences_ReturnsThemNewestFirst()
    {
        // Some clients (and forwards through lists) drop In-Reply-To and keep References.
        var reply = Mail.FromSubscriber("References: <first@mail.example.com>\n <ack.5d1f@ventanilla.nuevomundo.mx>\n");

        Assert.Equal(["ack.5d1f@ventanilla.nuevomundo.mx", "first@mail.example.com"], MailThreading.CandidateIds(reply));
    }

    [Fact]
    public void CandidateIds_BothHeaders_InReplyToFirstAndNoRepeats()
    {
        var reply = Mail.FromSubscriber(
            "In-Reply-To: <reply.2@ventanilla.nuevomundo.mx>\nReferences: <first@mail.example.com> <ack.1@ventanilla.nuevomundo.mx> <reply.2@ventanilla.nuevomundo.mx>\n");

        Assert.Equal(
            ["reply.2@ventanilla.nuevomundo.mx", "ack.1@ventanilla.nuevomundo.mx", "first@mail.example.com"],
            MailThreading.CandidateIds(reply));
    }

    [Theory]
    [InlineData("Re: Sin señal [Folio NM-2026-000123]")]
    [InlineData("RE: RE: [ folio   nm - 2026 - 000123 ] Sin señal")]
    [InlineData("[FOLIO:NM-2026-000123]")]
    [InlineData("Fwd: [nm-2026-000123] otra vez")]
    public void Find_FolioTagWithOddSpacingAndCase_FindsIt(string subject) =>
        Assert.Equal(Folio, FolioTag.Find(subject));

    [Theory]
    [InlineData(null)]
    [InlineData("Sin señal")]
    [InlineData("[Folio NM-2026-123]")]
    [InlineData("Folio NM-2026-000123 sin corchetes")]
    [InlineData("[Folio 123-2026-000123]")]
    public void Find_NoValidTag_ReturnsNull(string? subject) =>
        Assert.Null(FolioTag.Find(subject));

    [Fact]
    public void Add_NewSubject_AppendsTheTag() =>
        Assert.Equal("Sin señal en Guadalupe [Folio NM-2026-000123]", FolioTag.Add("Sin señal en Guadalupe", Folio));

    [Theory]
    [InlineData("Re: Sin señal [Folio NM-2026-000123]")]
    [InlineData("Re: Sin señal [folio nm-2026-000123]")]
    public void Add_ReplyAlreadyTagged_KeepsSubjectAndRe(string subject) =>
        Assert.Equal(subject, FolioTag.Add(subject, Folio));

    [Fact]
    public void Add_ReplyWithoutTag_KeepsReAndAddsTagOnce()
    {
        var once = FolioTag.Add("Re: Sin señal", Folio);

        Assert.Equal("Re: Sin señal [Folio NM-2026-000123]", once);
        Assert.Equal(once, FolioTag.Add(once, Folio));
    }

    [Fact]
    public void Add_EmptySubject_IsJustTheTag() =>
        Assert.Equal("[Folio NM-2026-000123]", FolioTag.Add("  ", Folio));
}
