using Ventanilla.Network.Import;

namespace Ventanilla.Network.Pages;

/// <summary>The Spanish words pages use for an import's kind, state and contract column.</summary>
public static class ImportLabels
{
    public static string Of(ImportKind kind) => kind switch
    {
        ImportKind.NodesCsv => "Nodos (CSV)",
        ImportKind.ServicesCsv => "Servicios (CSV)",
        ImportKind.LibreQosNetwork => "Red de LibreQoS (network.json)",
        _ => "Servicios de LibreQoS (ShapedDevices.csv)",
    };

    public static string Of(ImportState state) => state switch
    {
        ImportState.Queued => "En espera",
        ImportState.Running => "Importando",
        ImportState.Done => "Terminada",
        _ => "Fallida",
    };

    public static string Of(ContractColumn column) => column switch
    {
        ContractColumn.CircuitName => "Circuit Name",
        ContractColumn.Comment => "Comment",
        _ => "Circuit ID",
    };
}
