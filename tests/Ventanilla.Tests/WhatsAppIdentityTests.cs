using System.Text;
using Ventanilla.Channels.WhatsApp;

namespace Ventanilla.Tests;

public class WhatsAppIdentityTests
{
    [Theory]
    [InlineData("5214921234567", "+524921234567")]
    [InlineData("524921234567", "+524921234567")]
    [InlineData("5215512345678", "+525512345678")]
    [InlineData("14155552671", "+14155552671")]
    public void A_WhatsApp_id_becomes_the_E164_phone_subscribers_are_matched_by(string waId, string phone) =>
        Assert.Equal(phone, WhatsAppIds.PhoneOf(waId));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MX.1502576394655843")]
    public void A_user_id_or_nothing_gives_no_phone(string? waId) => Assert.Null(WhatsAppIds.PhoneOf(waId));

    [Fact]
    public void Sending_to_a_stored_phone_uses_its_E164_digits_and_a_user_id_is_not_a_phone()
    {
        Assert.Equal("524921234567", WhatsAppIds.ToAddress("+524921234567"));
        Assert.True(WhatsAppIds.IsPhone("+524921234567"));
        Assert.False(WhatsAppIds.IsPhone("MX.1502576394655843"));
    }

    [Fact]
    public void A_signature_is_valid_only_for_the_exact_bytes_and_the_right_secret()
    {
        var body = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\"}");
        var header = WebhookSignature.Sign(body, "secreto");

        Assert.True(WebhookSignature.IsValid(header, body, "secreto"));
        Assert.True(WebhookSignature.IsValid(header.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal), body, "secreto"));
        Assert.False(WebhookSignature.IsValid(header, Encoding.UTF8.GetBytes("{\"object\": \"whatsapp_business_account\"}"), "secreto"));
        Assert.False(WebhookSignature.IsValid(header, body, "otro"));
        Assert.False(WebhookSignature.IsValid(header, body, null));
        Assert.False(WebhookSignature.IsValid(null, body, "secreto"));
        Assert.False(WebhookSignature.IsValid("sha256=zz" + header[9..], body, "secreto"));
    }
}
