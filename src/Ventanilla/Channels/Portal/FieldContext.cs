namespace Ventanilla.Channels.Portal;

/// <summary>What an input needs from its field: the ids that describe it and whether it is in error.</summary>
public sealed record FieldContext(string? DescribedBy, bool Invalid)
{
    public string? AriaInvalid => Invalid ? "true" : null;
}
