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
        var clean = Web.Text.Clean(Web.Text.Readable(text));
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

    /// <summary>Reads a page number and size for a listing.</summary>
    public void Paging(int page, int pageSize)
    {
        // Deep pages are for scripts, which should narrow the query instead.
        if (page is < 1 or > MaxPage)
        {
            Add("page", $"La página va de 1 a {MaxPage:N0}.");
        }

        if (pageSize is < 1 or > 100)
        {
            Add("pageSize", "El tamaño de página va de 1 a 100.");
        }
    }

    public const int MaxPage = 10_000;

    /// <summary>Reads a moment the client says something happened: UTC, not in the future, not before 2000.</summary>
    public DateTime? PastMoment(string field, DateTime? value, DateTime now)
    {
        if (value is not { } moment)
        {
            return null;
        }

        // A time without an offset is taken as UTC, the only zone the API speaks.
        var utc = moment.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(moment, DateTimeKind.Utc) : moment.ToUniversalTime();
        if (utc > now.AddMinutes(5))
        {
            Add(field, "La fecha no puede estar en el futuro.");
        }
        else if (utc.Year < 2000)
        {
            Add(field, "La fecha es demasiado antigua.");
        }

        return utc;
    }

    public Dictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
