using System.Text;
using System.Text.Json.Nodes;

namespace Ventanilla.IntegrationTests.Hostile;

/// <summary>
/// Every operation of the served OpenAPI document, turned into hostile requests: path and query
/// parameters and a JSON body shaped like its schema, with hostile text and odd values in it.
/// A new endpoint is walked as soon as it is in the document.
/// </summary>
internal sealed class OpenApiWalk(JsonObject document, HostileInput input, IReadOnlyDictionary<string, string> knownIds)
{
    private static readonly string[] Walked = ["get", "post", "put", "patch"];

    public IReadOnlyList<(string Method, string Path, JsonObject Operation)> Operations { get; } =
        [.. document["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/v1", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Where(o => Walked.Contains(o.Key)).Select(o => (o.Key.ToUpperInvariant(), p.Key, o.Value!.AsObject())))];

    public HttpRequestMessage Request((string Method, string Path, JsonObject Operation) operation)
    {
        var (method, path, op) = operation;
        var query = new List<string>();
        foreach (var parameter in (op["parameters"]?.AsArray() ?? []).OfType<JsonObject>())
        {
            var name = (string)parameter["name"]!;
            var value = Scalar(parameter["schema"] as JsonObject, name);
            if ((string?)parameter["in"] == "path")
            {
                // Kestrel answers a NUL in the path (%00) with 400 before the app sees it; the test host cannot carry one at all.
                path = path.Replace("{" + name + "}", value.Replace("%00", "", StringComparison.Ordinal), StringComparison.Ordinal);
            }
            else if ((string?)parameter["in"] == "query" && !input.OneIn(3))
            {
                query.Add(name + "=" + value);
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(method), path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        if (method != "GET")
        {
            var schema = op["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject;
            var body = input.OneIn(6) ? input.OddValue() : Value(schema, 0);
            request.Content = new StringContent(body?.ToJsonString() ?? "null", Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json")
            {
                CharSet = input.OneIn(20) ? input.Pick(["bogus", "utf-16", "\"utf-8\"", "latin1", "utf-7"]) : null,
            };
        }

        return request;
    }

    // A path or query value: usually a real folio or id, so the request reaches the rule behind the route.
    private string Scalar(JsonObject? schema, string name)
    {
        if (!input.OneIn(3) && knownIds.TryGetValue(name, out var known))
        {
            return known;
        }

        return input.OneIn(2) && Types(schema).Contains("integer")
            ? input.Pick(["0", "-1", "2147483648", "99999999999999999999", "1e3", "abc"])
            : HostileInput.UrlPart(input.Text());
    }

    private JsonNode? Value(JsonObject? schema, int depth)
    {
        schema = Resolve(schema);
        if (schema is null || depth > 4 || input.OneIn(12))
        {
            return input.OddValue(depth);
        }

        var types = Types(schema);
        if (schema["properties"] is JsonObject properties)
        {
            var value = new JsonObject();
            foreach (var (name, property) in properties)
            {
                if (!input.OneIn(5))
                {
                    value[name] = Value(property as JsonObject, depth + 1);
                }
            }

            return value;
        }

        if (types.Contains("array"))
        {
            var items = new JsonArray();
            for (var i = input.Next(4); i > 0; i--)
            {
                items.Add(input.OneIn(4) ? null : Value(schema["items"] as JsonObject, depth + 1));
            }

            return items;
        }

        if (schema["enum"] is JsonArray choices && choices.Count > 0 && !input.OneIn(3))
        {
            return choices[input.Next(choices.Count)]?.DeepClone();
        }

        return types switch
        {
            _ when types.Contains("integer") || types.Contains("number") => input.OneIn(2) ? JsonValue.Create(input.Next(5)) : input.OddValue(depth),
            _ when types.Contains("boolean") => input.OneIn(2) ? JsonValue.Create(true) : input.OddValue(depth),
            _ => JsonValue.Create(input.Text()),
        };
    }

    private JsonObject? Resolve(JsonObject? schema)
    {
        for (var i = 0; i < 5 && schema?["$ref"] is JsonValue reference; i++)
        {
            schema = document["components"]?["schemas"]?[((string)reference!).Split('/')[^1]] as JsonObject;
        }

        // "anyOf"/"oneOf" (nullable references among them): walk the first branch that is not just null.
        if ((schema?["anyOf"] ?? schema?["oneOf"]) is JsonArray branches)
        {
            return Resolve(branches.OfType<JsonObject>().FirstOrDefault(s => !Types(s).SequenceEqual(["null"])));
        }

        return schema;
    }

    private static string[] Types(JsonObject? schema) => schema?["type"] switch
    {
        JsonArray many => [.. many.Select(t => (string)t!)],
        JsonValue one => [(string)one!],
        _ => [],
    };
}
