namespace Ventanilla.Web;

/// <summary>Collects per-field messages for a 400 answer; field names as the client sent them.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Reads a required enum field, noting what is wrong with it.</summary>
    public TEnum? Enum<TEnum>(string field, string? text, bool required = true) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Add(field, "Este campo es obligatorio.");
            }

            return null;
        }

        if (Wire.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        Add(field, $"«{text}» no es un valor válido. Valores válidos: {Wire.Choices<TEnum>()}.");
        return null;
    }

    /// <summary>Reads a text field: trimmed, null when empty, with a length limit.</summary>
    public string? Text(string field, string? text, int maxLength, bool required = false)
    {
        var clean = Web.Text.Clean(text);
        if (clean is null)
        {
            if (required)
            {
                Add(field, "Este campo es obligatorio.");
            }

            return null;
        }

        if (clean.Length > maxLength)
        {
            Add(field, $"Admite como máximo {maxLength:N0} caracteres; llegaron {clean.Length:N0}.");
        }

        return clean;
    }

    public Dictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
