using Ventanilla.IntegrationTests.WhatsApp;

namespace Ventanilla.IntegrationTests.Nodes;

/// <summary>The environment a node is configured by, in ASP.NET Core's <c>Section__Key</c> form.</summary>
public static class NodeSettings
{
    /// <summary>The administrator API key the bootstrap settings create (the same the in-process tests use).</summary>
    public const string ApiKey = VentanillaApp.AdminKey;

    /// <summary>Short, so a node that died holds the work it claimed only briefly.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(3);

    /// <summary>The database, the files, the first administrator and the claims' lease; every channel's workers on their own timers.</summary>
    public static Dictionary<string, string> Base(TestDatabase database, string storage) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["Database__Provider"] = database.Kind.ToString(),
        ["Database__ConnectionString"] = database.ConnectionString,
        ["Storage__Path"] = storage,
        ["Bootstrap__ApiKey"] = ApiKey,
        ["Bootstrap__AdminPassword"] = "Admin-Password-123",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Messaging__ClaimLease"] = ClaimLease.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Email__RunInBackground"] = "true",
        ["WhatsApp__RunInBackground"] = "true",
    };

    /// <summary>Mailbox 0 reads the test Dovecot every second and sends through the test SMTP listener.</summary>
    public static Dictionary<string, string> WithEmail(this Dictionary<string, string> settings, TestMailServer mail, TestSmtpServer smtp)
    {
        foreach (var (key, value) in EmailMessages.Settings(mail, smtp))
        {
            if (value is not null)
            {
                settings[EnvironmentName(key)] = value;
            }
        }

        settings["Email__RunInBackground"] = "true";
        settings["Email__Mailboxes__0__PollSeconds"] = "1";
        return settings;
    }

    /// <summary>The WhatsApp account talks to the fake Graph API on loopback (plain http is allowed there).</summary>
    public static Dictionary<string, string> WithWhatsApp(this Dictionary<string, string> settings, GraphApiServer graph)
    {
        settings["WhatsApp__PhoneNumberId"] = GraphApiServer.PhoneNumberId;
        settings["WhatsApp__AccessToken"] = GraphApiServer.Token;
        settings["WhatsApp__AppSecret"] = WhatsAppKit.AppSecret;
        settings["WhatsApp__VerifyToken"] = WhatsAppKit.VerifyToken;
        settings["WhatsApp__GraphApiBaseUrl"] = graph.BaseUrl;
        settings["WhatsApp__ApiVersion"] = GraphApiServer.Version;
        settings["WhatsApp__Templates__received__Name"] = "folio_recibido";
        settings["WhatsApp__Templates__received__Language"] = "es_MX";
        return settings;
    }

    private static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
