using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ventanilla.Data;
using Ventanilla.Staff;
using static Ventanilla.IntegrationTests.FollowUp.FollowUpFlow;

namespace Ventanilla.IntegrationTests.RoleTable;

/// <summary>docs/roles.md is the law: every role against every page and endpoint it lists, on one app per database.</summary>
public partial class RoleTableTests
{
    [Theory, BothDatabases]
    public async Task Every_page_and_endpoint_answers_every_role_as_docs_roles_md_says(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var (rows, _) = RoleTableDocument.Read();
        var values = await ValuesAsync(app);
        var wrong = new List<string>();

        foreach (var role in Roles.All)
        {
            using var api = app.Api(await app.CreateApiKeyAsync(role));
            using var console = await SignedInAsync(app, role);
            foreach (var row in rows)
            {
                var path = Fill(row.Path, values);
                var isApi = path.StartsWith("/api/v1/", StringComparison.Ordinal);
                using var response = await SendAsync(isApi ? api : console.Http, row.Method, path);
                var expected = Expected(row.Answers[role], isApi);
                var actual = Verdict(response);
                if (actual != expected)
                {
                    wrong.Add($"{role} {row.Method} {path}: docs/roles.md says {expected}, the server answered {(int)response.StatusCode} {ConsoleClient.Location(response)} ({actual})");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task Every_endpoint_of_the_application_is_in_docs_roles_md_and_nothing_else_is()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        var (rows, open) = RoleTableDocument.Read();
        var documented = rows.Select(r => r.Key).Concat(open).ToHashSet(StringComparer.Ordinal);

        var served = AppEndpoints.Of(app);

        Assert.Empty(served.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(served).Order(StringComparer.Ordinal));
    }

    // "own area" rows are walked with API keys, which belong to no area: the area's key is refused.
    private static string Expected(string answer, bool isApi) => answer switch
    {
        "yes" => "allowed",
        "no" => "refused",
        "own area" when isApi => "refused",
        _ => throw new InvalidOperationException($"docs/roles.md has an answer the test does not know: «{answer}»."),
    };

    private static string Verdict(HttpResponseMessage response)
    {
        var location = ConsoleClient.Location(response) ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Forbidden => "refused",
            _ when location.StartsWith("/sin-permiso", StringComparison.Ordinal) => "refused",
            HttpStatusCode.Unauthorized => "signed out",
            _ when location.StartsWith("/entrar", StringComparison.Ordinal) => "signed out",
            >= HttpStatusCode.InternalServerError => "failed",
            _ => "allowed",
        };
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            // An empty body: the role's check comes before the input's, so "allowed" shows as 400 at worst.
            request.Content = JsonContent.Create(new { });
        }

        return await client.SendAsync(request);
    }

    private static async Task<ConsoleClient> SignedInAsync(VentanillaApp app, string role)
    {
        if (role == Roles.Admin)
        {
            return await ConsoleClient.SignInAsync(app);
        }

        var email = role.Replace('_', '-') + "@localhost";
        await CreateUserAsync(app, email, role);
        return await ConsoleClient.SignInAsync(app, email, Password);
    }

    /// <summary>A real folio, two subscribers and the admin's id, for the rows' route values.</summary>
    private static async Task<Dictionary<string, string>> ValuesAsync(VentanillaApp app)
    {
        var admin = app.Api();
        var folio = await NewFaultAsync(admin, kind: "complaint");
        var first = (await admin.PostAsync("/api/v1/subscribers", new { accountNumber = "ROL-1", name = "Rosa Roldán" })).Body.GetProperty("id").GetInt64();
        var second = (await admin.PostAsync("/api/v1/subscribers", new { accountNumber = "ROL-2", name = "Rosa Roldán Ruiz" })).Body.GetProperty("id").GetInt64();
        var adminId = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Users, u => u.Email == ConsoleClient.AdminEmail, default));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["folio"] = folio,
            ["Folio"] = folio,
            ["subscriber"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OtherId"] = second.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["UserId"] = adminId.Id,
            ["Event"] = "resolved",
            // No such row: a role that passes the check gets 404, one that does not gets refused first.
            ["id"] = "999999",
            ["Id"] = "999999",
        };
    }

    private static string Fill(string pattern, Dictionary<string, string> values) => Parameter().Replace(pattern, m =>
    {
        var name = m.Groups["name"].Value;
        // A subscriber's own pages and endpoints need a subscriber that exists.
        var subscriber = name is "id" or "Id"
            && (pattern.StartsWith("/api/v1/subscribers/", StringComparison.Ordinal) || pattern.StartsWith("/suscriptores/", StringComparison.Ordinal));
        return subscriber ? values["subscriber"] : values[name];
    });

    [GeneratedRegex("\\{(?<name>\\w+)(:[^}]*)?\\}")]
    private static partial Regex Parameter();
}
