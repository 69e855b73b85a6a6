using Ventanilla.Network.Outages;
using Ventanilla.Provider;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.Tests.Outages;

public class ServiceResolverTests
{
    private static readonly DateTime Now = new(2026, 3, 18, 17, 0, 0, DateTimeKind.Utc);

    private static Service At(string code, string street, string postalCode, ServiceState state = ServiceState.Active)
    {
        var service = Service.Create(code, Now);
        service.Apply(new ServiceDetails("NM-1", state, null, 450m, 10, street, "Centro", postalCode), 1, 1, Now);
        return service;
    }

    [Fact]
    public void A_subscriber_with_one_active_service_is_pointed_at_it_whatever_the_address_says()
    {
        Assert.Equal("S-1", ServiceResolver.Resolve([At("S-1", "Av. Hidalgo 120", "98000"), At("S-2", "Calle Pino 8", "98600", ServiceState.Cancelled)],
            "Otra calle 1")?.Code);
    }

    [Fact]
    public void Several_services_are_told_apart_by_the_street_the_report_names_accents_and_punctuation_aside()
    {
        Service[] services = [At("S-1", "Av. Hidalgo 120", "98000"), At("S-2", "Calle Juárez 5", "98000")];

        Assert.Equal("S-2", ServiceResolver.Resolve(services, "calle juarez 5, col. Centro")?.Code);
    }

    [Fact]
    public void Several_services_on_different_postal_codes_are_told_apart_by_the_postal_code()
    {
        Service[] services = [At("S-1", "Av. Hidalgo 120", "98000"), At("S-2", "Calle Pino 8", "98600")];

        Assert.Equal("S-2", ServiceResolver.Resolve(services, "Guadalupe, C.P. 98600")?.Code);
    }

    [Fact]
    public void An_address_that_names_none_or_both_leaves_the_report_without_a_service()
    {
        Service[] services = [At("S-1", "Av. Hidalgo 120", "98000"), At("S-2", "Calle Juárez 5", "98000")];

        Assert.Null(ServiceResolver.Resolve(services, "Zacatecas"));
        Assert.Null(ServiceResolver.Resolve(services, "CP 98000"));
        Assert.Null(ServiceResolver.Resolve(services, null));
        Assert.Null(ServiceResolver.Resolve([], "Av. Hidalgo 120"));
    }

    [Fact]
    public void The_outage_sentence_gives_the_estimate_in_the_providers_zone_or_says_there_is_none()
    {
        var provider = new ProviderOptions();

        Assert.Equal("Hay una falla en tu zona (FM-000042): Corte de fibra. Estimamos restablecer el servicio el miércoles 18 de marzo a las 14:00.",
            OutageTexts.InYourZone("FM-000042", "Corte de fibra", new DateTime(2026, 3, 18, 20, 0, 0, DateTimeKind.Utc), provider));
        Assert.EndsWith("Estimamos restablecer el servicio: aún sin hora estimada.", OutageTexts.InYourZone("FM-000042", "Corte de fibra", null, provider),
            StringComparison.Ordinal);
    }
}
