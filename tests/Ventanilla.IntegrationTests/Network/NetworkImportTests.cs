using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.IntegrationTests.Network;

public class NetworkImportTests
{
    // The access point comes before its tower: a parent may follow its child in the file.
    private const string Nodes = """
        codigo,nombre,tipo,padre,codigos_postales,colonias
        AP-NORTE,Sector norte,sector,TORRE-1,06700,Roma Norte
        TORRE-1,Torre Centro,torre,,"06700, 06760",Roma Norte;Condesa
        OLT-1,OLT Sur,OLT,,,
        """;

    private const string Services = """
        servicio,contrato,nodo,estado,plan,precio_mensual,dia_corte,calle,colonia,codigo_postal
        S-1,c-100,AP-NORTE,activo,Hogar 50,349.00,15,Orizaba 10,Roma Norte,06700
        S-2,C-999,AP-NORTE,suspendido,Hogar 20,249.50,1,Durango 5,Roma Norte,06700
        S-3,,OLT-1,cancelado,,,,,,
        """;

    [Theory, BothDatabases]
    public async Task A_tree_and_services_imported_twice_change_nothing_the_second_time(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        (await app.Api().PostAsJsonAsync("/api/v1/subscribers", new { accountNumber = "C-100", name = "Ana Torres" })).EnsureSuccessStatusCode();

        var nodes = await app.ImportAsync("nodes_csv", "nodos.csv", Nodes);
        var services = await app.ImportAsync("services_csv", "servicios.csv", Services);
        var nodesAgain = await app.ImportAsync("nodes_csv", "nodos.csv", Nodes);
        var servicesAgain = await app.ImportAsync("services_csv", "servicios.csv", Services);

        Assert.Equal((3, 0, 0, 0), nodes.Counts());
        Assert.Equal((3, 0, 0, 0), services.Counts());
        Assert.Equal((0, 0, 3, 0), nodesAgain.Counts());
        Assert.Equal((0, 0, 3, 0), servicesAgain.Counts());
        // C-999 and the service without a contract find no subscriber yet: a notice, not a refusal.
        Assert.Equal(2, servicesAgain.GetProperty("unmatched").GetInt32());
        await app.WithDbAsync(async db =>
        {
            var tree = await db.NetworkNodes.AsNoTracking().ToDictionaryAsync(n => n.Code);
            Assert.Equal(tree["TORRE-1"].Id, tree["AP-NORTE"].ParentId);
            Assert.Equal($"/{tree["TORRE-1"].Id}/{tree["AP-NORTE"].Id}/", tree["AP-NORTE"].Path);
            Assert.Equal(1, tree["AP-NORTE"].Depth);
            Assert.Equal("06700,06760", tree["TORRE-1"].PostalCodes);
            Assert.Equal("Roma Norte;Condesa", tree["TORRE-1"].Neighborhoods);
            var s1 = await db.Services.AsNoTracking().SingleAsync(s => s.Code == "S-1");
            var subscriber = await db.Subscribers.AsNoTracking().SingleAsync(s => s.AccountNumber == "C-100");
            Assert.Equal((subscriber.Id, tree["AP-NORTE"].Id, 349.00m, 15, "Roma Norte"), (s1.SubscriberId!.Value, s1.NodeId!.Value, s1.MonthlyPriceMxn!.Value, s1.BillingCutoffDay!.Value, s1.Neighborhood!));
            Assert.Equal(1, s1.Version);
            Assert.Equal(ServiceState.Cancelled, (await db.Services.AsNoTracking().SingleAsync(s => s.Code == "S-3")).State);
            return 0;
        });
    }

    [Theory, BothDatabases]
    public async Task Unusable_rows_are_refused_with_their_row_and_a_reason_and_the_good_rows_are_kept(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var nodes = await app.ImportAsync("nodes_csv", "nodos.csv", """
            codigo,nombre,padre
            RAIZ,Raíz,
            ,Sin código,RAIZ
            HUERFANO,Huérfano,NO-EXISTE
            A,Nodo A,B
            B,Nodo B,A
            RAIZ,Otra vez,
            HIJO-A,Cuelga de A,A
            """);

        Assert.Equal((1, 0, 0, 6), nodes.Counts());
        Assert.Equal(
        [
            (3, "Falta el código del nodo."),
            (4, "El padre «NO-EXISTE» no existe ni viene en el archivo."),
            (5, "Formaría un ciclo: A → B → A."),
            (6, "Su padre «A» fue rechazado."),
            (7, "El código «RAIZ» se repite: ya venía en la fila 2."),
            (8, "Su padre «A» fue rechazado."),
        ], nodes.Refusals());

        var services = await app.ImportAsync("services_csv", "servicios.csv", """
            servicio,nodo,precio_mensual,dia_corte
            S-1,RAIZ,349.00,15
            S-2,RAIZ,"1,299.00",15
            S-3,RAIZ,349.00,32
            S-4,NO-EXISTE,349.00,15
            S-1,RAIZ,349.00,15
            """);

        Assert.Equal((1, 0, 0, 4), services.Counts());
        Assert.Equal(
        [
            (3, "El precio «1,299.00» no es un importe en pesos con punto decimal, como 349.00."),
            (4, "El día de corte «32» no es un día del 1 al 31."),
            (5, "El nodo «NO-EXISTE» no existe; importa primero la red."),
            (6, "El servicio «S-1» se repite: ya venía en la fila 2."),
        ], services.Refusals());
    }

    [Theory, BothDatabases]
    public async Task LibreQoS_files_move_a_service_and_keep_the_billing_fields_they_do_not_carry(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        (await app.Api().PostAsJsonAsync("/api/v1/subscribers", new { accountNumber = "501", name = "Luis Pérez" })).EnsureSuccessStatusCode();
        var network = await app.ImportAsync("libre_qos_network", "network.json", """
            { "Site_1": { "downloadBandwidthMbps": 1000, "uploadBandwidthMbps": 1000, "type": "Site",
                "children": { "AP_A": { "downloadBandwidthMbps": 500, "uploadBandwidthMbps": 500, "type": "AP" },
                              "AP_B": { "downloadBandwidthMbps": 500, "uploadBandwidthMbps": 500, "type": "AP" } } } }
            """);
        await app.ImportAsync("services_csv", "facturacion.csv", """
            servicio,contrato,nodo,estado,plan,precio_mensual,dia_corte
            C-1,501,AP_A,suspendido,Hogar 100,499.00,10
            """);
        const string shaped = """
            Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,Download Min Mbps,Upload Min Mbps,Download Max Mbps,Upload Max Mbps,Comment
            C-1,Casa Pérez,1,Router,AP_B,,100.64.0.1,,1,1,100,20,501
            C-1,Casa Pérez,2,Cámara,AP_B,,100.64.0.2,,1,1,100,20,501
            """;

        var devices = await app.ImportAsync("libre_qos_shaped_devices", "ShapedDevices.csv", shaped, "comment");
        var again = await app.ImportAsync("libre_qos_shaped_devices", "ShapedDevices.csv", shaped, "comment");

        Assert.Equal((3, 0, 0, 0), network.Counts());
        Assert.Equal((0, 1, 0, 0), devices.Counts());
        Assert.Equal((0, 0, 1, 0), again.Counts());
        await app.WithDbAsync(async db =>
        {
            var service = await db.Services.AsNoTracking().SingleAsync(s => s.Code == "C-1");
            var apB = await db.NetworkNodes.AsNoTracking().SingleAsync(n => n.Code == "AP_B");
            Assert.Equal((apB.Id, "501", ServiceState.Suspended, "Hogar 100", 499.00m, 10),
                (service.NodeId!.Value, service.AccountNumber!, service.State, service.PlanName!, service.MonthlyPriceMxn!.Value, service.BillingCutoffDay!.Value));
            Assert.NotNull(service.SubscriberId);
            Assert.Equal("AP", apB.Kind);
            return 0;
        });
    }

    [Theory, BothDatabases]
    public async Task A_file_that_cannot_be_read_fails_the_run_with_a_reason(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);

        var run = await app.ImportAsync("libre_qos_network", "network.json", "{ \"Site_1\": ");

        Assert.Equal("failed", run.GetProperty("state").GetString());
        Assert.StartsWith("El archivo no es un network.json válido", run.GetProperty("failure").GetString(), StringComparison.Ordinal);
    }
}
