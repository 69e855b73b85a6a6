using Ventanilla.Channels.Portal;
using Ventanilla.Messaging;

namespace Ventanilla.Tests;

public class OutboxSecretTests
{
    private const string Code = "482913";

    private static OutboxMessage CodeMessage() =>
        OutboxMessage.Queue(Tickets.New(Ventanilla.Tickets.TicketKind.Fault), Ventanilla.Tickets.ContactChannel.Email, OutboxKind.Notification,
            "ana@example.mx", "Tu código de acceso", $"Tu código es {Code}. Vence en 10 minutos.", Tickets.Now)
        .About(OutboxMessage.OneTimeCodeEvent, Code);

    [Fact]
    public void MarkSent_OnAOneTimeCodeMessage_KeepsOnlyTheMaskInBodyAndTemplateValues()
    {
        var message = CodeMessage();

        message.MarkSent("<id@example.mx>", Tickets.Now);

        Assert.Equal($"Tu código es {OutboxMessage.Mask}. Vence en 10 minutos.", message.Body);
        Assert.Equal([OutboxMessage.Mask], message.TemplateValues());
        Assert.DoesNotContain(Code, message.TemplateParameters, StringComparison.Ordinal);
    }

    [Fact]
    public void GiveUp_OnAOneTimeCodeMessage_ForgetsTheCode()
    {
        var message = CodeMessage();

        message.GiveUp("550 buzón inexistente", Tickets.Now);

        Assert.DoesNotContain(Code, message.Body, StringComparison.Ordinal);
        Assert.Equal([OutboxMessage.Mask], message.TemplateValues());
    }

    [Fact]
    public void MarkFailedAttempt_BeforeTheLastAttempt_KeepsTheCodeToSendItLater()
    {
        var message = CodeMessage();

        message.MarkFailedAttempt("451 ocupado", Tickets.Now);

        Assert.Contains(Code, message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkSent_OnAnyOtherNotice_KeepsItsTextAndValues()
    {
        var message = OutboxMessage.Queue(Tickets.New(Ventanilla.Tickets.TicketKind.Fault), Ventanilla.Tickets.ContactChannel.Email, OutboxKind.Notification,
            "ana@example.mx", null, "Tu folio NM-2026-000123 quedó resuelto.", Tickets.Now).About("resolved", "NM-2026-000123");

        message.MarkSent(null, Tickets.Now);

        Assert.Equal("Tu folio NM-2026-000123 quedó resuelto.", message.Body);
        Assert.Equal(["NM-2026-000123"], message.TemplateValues());
    }

    [Fact]
    public void KeysOf_OnePhoneWrittenTwoWays_IsCountedAsOneProofValue()
    {
        var plain = ProofThrottle.KeysOf("NM-2026-000123", "4924781000");
        var written = ProofThrottle.KeysOf("nm-2026-0000124", "+52 (492) 478-1000");

        Assert.Equal(plain[1], written[1]);
        Assert.NotEqual(plain[0], written[0]);
        Assert.DoesNotContain("4924781000", string.Concat(plain), StringComparison.Ordinal);
    }
}
