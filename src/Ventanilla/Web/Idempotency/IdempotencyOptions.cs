using System.ComponentModel.DataAnnotations;

namespace Ventanilla.Web.Idempotency;

/// <summary>How long the API remembers an <c>Idempotency-Key</c> (section <c>Api</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Api";

    /// <summary>
    /// How long a key and its stored answer are kept: a client retrying within this time gets the
    /// same answer; after it, the key is forgotten and may be used again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Api:IdempotencyKeyLifetime debe estar entre 1 minuto y 30 días.")]
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);
}
