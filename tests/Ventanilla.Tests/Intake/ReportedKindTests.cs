using Ventanilla.Intake;
using Ventanilla.Tickets;

namespace Ventanilla.Tests.Intake;

public sealed class ReportedKindTests
{
    [Theory]
    [InlineData("Sin internet desde ayer", "Buenas tardes, no tengo internet desde ayer.")]
    [InlineData("Ayuda", "El MÓDEM NO ENCIENDE y no hay señal.")]
    [InlineData(null, "Mi internet está intermitente: internet intermitente toda la tarde")]
    public void Words_of_a_failure_make_an_emailed_report_a_fault(string? subject, string text) =>
        Assert.Equal(TicketKind.Fault, ReportedKind.FromText(subject, text));

    [Theory]
    [InlineData("Cobro doble", "Me cobraron dos veces el mes de octubre.")]
    [InlineData("Días sin internet", "Estuve sin internet tres días y me cobraron el mes completo.")]
    [InlineData("Cancelación", "Quiero cancelar, llevo una semana sin servicio.")]
    [InlineData("Pregunta", "¿Qué planes tienen en mi colonia?")]
    public void Anything_else_stays_a_query_for_staff_to_classify(string subject, string text) =>
        Assert.Equal(TicketKind.Query, ReportedKind.FromText(subject, text));
}
