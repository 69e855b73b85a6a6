namespace Ventanilla.Deadlines.Rules;

/// <summary>The deadline model's words as the provider's staff say them.</summary>
public static class DeadlineLabels
{
    public static string Of(DeadlineKind what) => what switch
    {
        DeadlineKind.FirstResponse => "primera respuesta",
        DeadlineKind.Resolution => "solución",
        DeadlineKind.WrittenReceipt => "acuse por escrito",
        _ => "confirmación de acuerdos",
    };

    public static string Of(DeadlineUnit unit) => unit switch
    {
        DeadlineUnit.CalendarHours => "horas naturales",
        DeadlineUnit.CalendarDays => "días naturales",
        DeadlineUnit.BusinessHours => "horas hábiles",
        _ => "días hábiles",
    };
}
