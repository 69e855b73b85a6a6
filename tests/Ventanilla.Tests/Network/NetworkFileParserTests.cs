using System.Text;
using Ventanilla.Network.Import;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.Tests.Network;

public class NetworkFileParserTests
{
    [Fact]
    public void Csv_QuotedFieldsWithSeparatorsQuotesAndLineBreaks_AreOneFieldEach()
    {
        var records = Csv.Read("a,b,c\r\n1,\"dos, tres\",\"con \"\"comillas\"\"\"\r\n2,\"línea\nsiguiente\",x\r\n3,y,z");

        Assert.Equal(["1", "dos, tres", "con \"comillas\""], records[1].Fields);
        Assert.Equal("línea\nsiguiente", records[2].Fields[1]);
        // The record after a field with a line break starts on the editor's next line but one.
        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void Csv_WithByteOrderMarkAndLatin1_DecodesBoth()
    {
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("codigo\nJuárez")).ToArray();
        var latin1 = Encoding.Latin1.GetBytes("codigo\nJuárez");

        Assert.Equal("codigo\nJuárez", Csv.Decode(utf8));
        Assert.Equal("codigo\nJuárez", Csv.Decode(latin1));
    }

    [Fact]
    public void Csv_HeaderWithSemicolons_SplitsOnSemicolonsAndKeepsDecimalCommasInside()
    {
        var records = Csv.Read("servicio;precio_mensual;colonia\nS1;349.00;Roma, Norte\n");

        Assert.Equal(["S1", "349.00", "Roma, Norte"], records[1].Fields);
    }

    [Fact]
    public void NodesCsv_AccentedHeadersAndListCells_AreNormalized()
    {
        var parsed = CsvParsers.Nodes("Código,Nombre,Tipo,Padre,Códigos Postales,Colonias\nAP1,Sector norte,sector,TORRE1,\"06700, 06760\",Roma Norte| Condesa\n");

        var row = Assert.Single(parsed.Rows);
        Assert.Null(row.Problem);
        Assert.Equal(("AP1", "TORRE1", "06700,06760", "Roma Norte;Condesa"), (row.Code, row.ParentCode, row.PostalCodes, row.Neighborhoods));
        Assert.True(row.Carries.HasFlag(NodeFields.Parent));
    }

    [Fact]
    public void NodesCsv_BadPostalCodeOrMissingCode_IsRefusedWithReason()
    {
        var parsed = CsvParsers.Nodes("codigo,nombre,codigos_postales\nAP1,Uno,0670\n,Sin código,\n");

        Assert.Equal("El código postal «0670» no tiene cinco dígitos.", parsed.Rows[0].Problem);
        Assert.Equal("Falta el código del nodo.", parsed.Rows[1].Problem);
        Assert.Equal(3, parsed.Rows[1].Row);
    }

    [Fact]
    public void NodesCsv_WithoutCodeColumn_FailsAsAWhole() =>
        Assert.Equal("Falta la columna «codigo» en la primera línea.", CsvParsers.Nodes("nombre\nUno\n").Failure);

    [Theory]
    [InlineData("1,299.00", "El precio «1,299.00» no es un importe en pesos con punto decimal, como 349.00.")]
    [InlineData("349.005", "El precio «349.005» no es un importe en pesos con punto decimal, como 349.00.")]
    [InlineData("-10", "El precio «-10» no es un importe en pesos con punto decimal, como 349.00.")]
    public void ServicesCsv_BadPrice_IsRefusedWithReason(string price, string reason)
    {
        var parsed = CsvParsers.Services($"servicio,precio_mensual\nS1,\"{price}\"\n");

        Assert.Equal(reason, parsed.Rows[0].Problem);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("32")]
    [InlineData("quince")]
    public void ServicesCsv_CutoffOutsideOneToThirtyOne_IsRefused(string day) =>
        Assert.Equal($"El día de corte «{day}» no es un día del 1 al 31.", CsvParsers.Services($"servicio,dia_corte\nS1,{day}\n").Rows[0].Problem);

    [Fact]
    public void ServicesCsv_FullRow_ReadsEveryField()
    {
        var parsed = CsvParsers.Services("servicio,contrato,nodo,estado,plan,precio_mensual,dia_corte,calle,colonia,codigo_postal\n" +
            "S1,C-100,AP1,Suspendido,Hogar 50,349.50,15,Av. Juárez 10,Centro,06000\n");

        var row = Assert.Single(parsed.Rows);
        Assert.Null(row.Problem);
        Assert.Equal(("C-100", "AP1", ServiceState.Suspended, "Hogar 50", 349.50m, 15), (row.Account, row.NodeCode, row.State, row.Plan, row.Price, row.Cutoff));
        Assert.Equal(("Av. Juárez 10", "Centro", "06000"), (row.Street, row.Neighborhood, row.PostalCode));
    }

    [Fact]
    public void ServicesCsv_UnknownState_IsRefusedAndBlankStateKeepsTheStoredOne()
    {
        var parsed = CsvParsers.Services("servicio,estado\nS1,baja\nS2,\n");

        Assert.Equal("El estado «baja» no es activo, suspendido ni cancelado.", parsed.Rows[0].Problem);
        Assert.Null(parsed.Rows[1].State);
    }

    [Fact]
    public void LibreQosNetwork_NestedChildren_ComeParentFirstWithTheirTypes()
    {
        var json = """
            { "Site_1": { "downloadBandwidthMbps": 1000, "uploadBandwidthMbps": 1000, "type": "Site",
                "children": { "AP_A": { "downloadBandwidthMbps": 500, "type": "AP" },
                              "Site_3": { "type": "Site", "children": { "AP_9": { "type": "AP" } } } } },
              "Site_2": { "type": "Site", "children": {} } }
            """;

        var rows = LibreQosParsers.Network(json).Rows;

        Assert.Equal(["Site_1", "AP_A", "Site_3", "AP_9", "Site_2"], rows.Select(r => r.Code));
        Assert.Equal([null, "Site_1", "Site_1", "Site_3", null], rows.Select(r => r.ParentCode));
        Assert.Equal(["Site", "AP", "Site", "AP", "Site"], rows.Select(r => r.Kind));
        // The file names nodes by code only: a name given by hand or by the CSV stays.
        Assert.All(rows, r => Assert.False(r.Carries.HasFlag(NodeFields.Name)));
    }

    [Fact]
    public void LibreQosNetwork_NotJson_FailsWithSpanishReason() =>
        Assert.StartsWith("El archivo no es un network.json válido", LibreQosParsers.Network("{ \"Site_1\": ").Failure);

    private const string ShapedDevices = """
        # LibreQoS comments are skipped
        Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,Download Min Mbps,Upload Min Mbps,Download Max Mbps,Upload Max Mbps,Comment
        C-1,"Calle 1, Centro",1,Router 1,AP_A,,"100.64.0.1, 100.64.0.14",,1,1,155,20,contrato 501
        C-2,"Calle 2",2,Router 2,AP_A,,100.64.0.2,,1,1,50,10,contrato 502
        C-2,"Calle 2",3,Cámara,AP_A,,100.64.0.3,,1,1,50,10,contrato 502
        C-2,"Calle 2",4,Otro,AP_9,,100.64.0.4,,1,1,50,10,contrato 502
        """;

    [Fact]
    public void ShapedDevices_SeveralDevicesOfACircuit_CollapseIntoOneService()
    {
        var rows = LibreQosParsers.ShapedDevices(ShapedDevices, ContractColumn.CircuitId).Rows;

        Assert.Equal(["C-1", "C-2"], rows.Where(r => r.Problem is null).Select(r => r.Code));
        Assert.Equal(["AP_A", "AP_A"], rows.Where(r => r.Problem is null).Select(r => r.NodeCode));
        // A device of the same circuit under another node contradicts the first: that row is refused.
        var refused = Assert.Single(rows, r => r.Problem is not null);
        Assert.Equal(6, refused.Row);
        Assert.Equal("El circuito ya apareció en la fila 4 con el nodo «AP_A»; aquí dice «AP_9».", refused.Problem);
    }

    [Theory]
    [InlineData(ContractColumn.CircuitId, "C-1")]
    [InlineData(ContractColumn.CircuitName, "Calle 1, Centro")]
    [InlineData(ContractColumn.Comment, "contrato 501")]
    public void ShapedDevices_ContractNumber_ComesFromTheChosenColumn(ContractColumn column, string account)
    {
        var row = LibreQosParsers.ShapedDevices(ShapedDevices, column).Rows[0];

        Assert.Equal(account, row.Account);
        // Price, state, cut-off day and address are not in the file, so they are not touched.
        Assert.Equal(ServiceFields.Account | ServiceFields.Node, row.Carries);
    }

    [Fact]
    public void ShapedDevices_WithoutParentNodeColumn_FailsAsAWhole() =>
        Assert.StartsWith("Faltan las columnas «Circuit ID» y «Parent Node»", LibreQosParsers.ShapedDevices("a,b\n1,2\n", ContractColumn.CircuitId).Failure);
}
