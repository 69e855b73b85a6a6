namespace Ventanilla.Network.Compensation;

/// <summary>
/// One version of the póliza de bonificación: the rule a credit is computed with. A change never
/// edits a row; it adds the next version, so every line keeps the rule it was computed with.
/// </summary>
public sealed class CompensationPolicy
{
    public const int CitationLength = 2000;

    /// <summary>
    /// The rules the defaults come from, kept as data because the law changes (the 2025 telecom law
    /// replaced the one these texts were written under).
    /// </summary>
    public const string DefaultCitation =
        "NOM-184-SCFI-2018, numeral 5.2.14; Carta de Derechos Mínimos de los Usuarios de los Servicios Públicos de "
        + "Telecomunicaciones, derecho 18; contrato de adhesión modelo de la PROFECO, cláusula DÉCIMA: cuando el servicio "
        + "se interrumpe por causas imputables al proveedor, este bonifica la parte proporcional del precio por el tiempo "
        + "sin servicio más al menos el 20 % de esa cantidad, sin que el suscriptor lo pida; por caso fortuito o fuerza "
        + "mayor, lo mismo cuando la interrupción dura más de 24 horas consecutivas a partir del reporte.";

    private CompensationPolicy()
    {
    }

    public long Id { get; private set; }

    /// <summary>1, 2, 3…: unique; the highest is the one in force.</summary>
    public int Number { get; private set; }

    /// <summary>The bonus on top of the proportional price: 0.20 means 20 %. The rules set 20 % as the floor.</summary>
    public decimal Rate { get; private set; }
    public CompensationBase Base { get; private set; }

    /// <summary>How long a fortuitous or force-majeure outage must last before it owes anything.</summary>
    public int ForceMajeureThresholdHours { get; private set; }
    public ThresholdStart ThresholdFrom { get; private set; }

    /// <summary>A credit under this amount is not issued (a "no procede" line says so); 0 issues every credit.</summary>
    public decimal MinimumAmountMxn { get; private set; }

    /// <summary>Decimals every amount is rounded to, half away from zero (2: cents).</summary>
    public int RoundingDecimals { get; private set; }

    /// <summary>Lines at or under this amount are approved by the system when computed; larger ones wait for a supervisor.</summary>
    public decimal AutoApproveUpToMxn { get; private set; }
    public string LegalCitation { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public CompensationTerms Terms => new(Rate, Base, MinimumAmountMxn, RoundingDecimals);

    /// <summary>Version 1, seeded at start when there is none: the rules' defaults.</summary>
    public static CompensationPolicy Initial(DateTime now) => new()
    {
        Number = 1,
        Rate = 0.20m,
        Base = CompensationBase.ProratedByDays,
        ForceMajeureThresholdHours = 24,
        ThresholdFrom = ThresholdStart.Report,
        MinimumAmountMxn = 0m,
        RoundingDecimals = 2,
        AutoApproveUpToMxn = 100m,
        LegalCitation = DefaultCitation,
        CreatedAt = now,
        CreatedBy = "Sistema",
    };

    /// <summary>The next version with the given terms; null plus the reason when a term breaks the rules.</summary>
    public (CompensationPolicy? Next, string? Refusal) Revise(PolicyDraft draft, string by, DateTime now)
    {
        if (Check(draft) is { } refusal)
        {
            return (null, refusal);
        }

        return (new CompensationPolicy
        {
            Number = Number + 1,
            Rate = draft.Rate,
            Base = draft.Base,
            ForceMajeureThresholdHours = draft.ForceMajeureThresholdHours,
            ThresholdFrom = draft.ThresholdFrom,
            MinimumAmountMxn = draft.MinimumAmountMxn,
            RoundingDecimals = draft.RoundingDecimals,
            AutoApproveUpToMxn = draft.AutoApproveUpToMxn,
            LegalCitation = draft.LegalCitation.Trim(),
            CreatedAt = now,
            CreatedBy = by,
        }, null);
    }

    private static string? Check(PolicyDraft d) => d switch
    {
        // The rules say "at least 20 %": a lower rate would compute less than is owed.
        { Rate: < 0.20m or > 10m } => "La tasa de bonificación debe ser al menos 0.20 (20 %) y a lo más 10.",
        { ForceMajeureThresholdHours: < 0 or > 24 * 31 } => "El umbral de fuerza mayor va de 0 a 744 horas.",
        { MinimumAmountMxn: < 0m } => "El monto mínimo no puede ser negativo.",
        { AutoApproveUpToMxn: < 0m } => "El monto de aprobación automática no puede ser negativo.",
        { RoundingDecimals: < 0 or > 4 } => "El redondeo va de 0 a 4 decimales.",
        _ when string.IsNullOrWhiteSpace(d.LegalCitation) || d.LegalCitation.Trim().Length > CitationLength
            => $"El fundamento legal es obligatorio y admite hasta {CitationLength} caracteres.",
        _ => null,
    };
}

/// <summary>What the price is prorated by.</summary>
public enum CompensationBase
{
    /// <summary>Every day begun without service counts whole, over the billing period's days.</summary>
    ProratedByDays,

    /// <summary>Every hour begun without service counts whole, over the billing period's hours.</summary>
    ProratedByHours,
}

/// <summary>From when the force-majeure threshold counts.</summary>
public enum ThresholdStart { Report, OutageStart }

/// <summary>The part of a policy the arithmetic needs.</summary>
public sealed record CompensationTerms(decimal Rate, CompensationBase Base, decimal MinimumAmountMxn, int RoundingDecimals);

/// <summary>What a supervisor sets for the next version.</summary>
public sealed record PolicyDraft(
    decimal Rate,
    CompensationBase Base,
    int ForceMajeureThresholdHours,
    ThresholdStart ThresholdFrom,
    decimal MinimumAmountMxn,
    int RoundingDecimals,
    decimal AutoApproveUpToMxn,
    string LegalCitation);
