using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Ventanilla.IntegrationTests.Hostile;

/// <summary>
/// Hostile text and JSON values, from CsCheck's generators driven by one fixed seed: the same seed
/// gives the same cases in the same order, so a failure names its seed and case and reproduces.
/// </summary>
internal sealed class HostileInput(ulong seed)
{
    public const ulong DefaultSeed = 20_261_102;

    private static readonly Gen<string> Piece = Gen.OneOf<string>(
        Gen.OneOf("Sin señal desde ayer", "Peña Ñúñez", "módem", " ", "\n", "\t", "492 123 4567", "ana@example.mx", "NM-2026-000001", "42"),
        Gen.Int[0, 0x1F].Select(c => ((char)c).ToString()),                          // NUL and the other control characters
        Gen.Int[0x7F, 0x9F].Select(c => ((char)c).ToString()),                       // C1 controls
        Gen.OneOf("\uFFFE", "\uFFFF", "\uFDD0", "\uFDEF", "\uD83F\uDFFE", "\uDBFF\uDFFF"), // non-characters
        Gen.Int[0xD800, 0xDFFF].Select(c => ((char)c).ToString()),                   // lone surrogates
        Gen.OneOf("\u202E", "\u200F", "\u2066", "\u061C", "\u200B", "\uFEFF"),       // direction marks, invisible ones
        Gen.OneOf("👍🏽", "e\u0301", "ﷺ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "'; DROP TABLE tickets; --", "<script>alert(1)</script>", "%00", "{{x}}", "\\", "\""),
        Gen.String,
        Gen.Int[200, 20_000].Select(n => new string('x', n)));                       // very long

    private readonly PCG random = new(1, seed);

    public ulong Seed => seed;

    public int Next(int maxExclusive) => (int)random.Next((uint)maxExclusive);

    public bool OneIn(int n) => Next(n) == 0;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>One to five hostile pieces in a row, or now and then plain words.</summary>
    public string Text()
    {
        if (OneIn(8))
        {
            return "Reporte de prueba";
        }

        var text = new StringBuilder();
        for (var i = Next(5); i >= 0; i--)
        {
            text.Append(Piece.Generate(random, null!, out _));
        }

        return text.ToString();
    }

    /// <summary>Odd JSON: null, wrong types, huge numbers, nested objects and arrays with nulls.</summary>
    public JsonNode? OddValue(int depth = 0) => Next(depth > 2 ? 6 : 9) switch
    {
        0 => null,
        1 => JsonValue.Create(Text()),
        2 => JsonValue.Create(Pick([0L, -1L, long.MaxValue, long.MinValue, int.MaxValue + 1L])),
        3 => JsonNode.Parse(Pick(["1e400", "-1e400", "1.5", "99999999999999999999999999999", "0.0000000000000000001"])),
        4 => JsonValue.Create(OneIn(2)),
        5 => JsonValue.Create(Pick(["", " ", "null", "true", "2026-13-45T99:99:99Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"])),
        6 => new JsonArray(null, OddValue(depth + 1), null),
        7 => new JsonObject { ["a"] = OddValue(depth + 1), ["$ref"] = "x", ["__proto__"] = new JsonObject() },
        _ => new JsonArray(new JsonArray(new JsonArray(OddValue(depth + 1)))),
    };

    /// <summary>Bytes percent-encoded one by one, so any text (NUL, lone surrogates) fits in a URL.</summary>
    public static string UrlPart(string text) =>
        string.Concat(Encoding.UTF8.GetBytes(text).Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture)));
}
