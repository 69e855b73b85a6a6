using System.Diagnostics;

namespace Ventanilla.WhatsAppBench;

/// <summary>The published service, started as a child process on loopback with the bench's WhatsApp account.</summary>
internal sealed class Service : IDisposable
{
    public const string AppSecret = "bench-app-secret-0123456789";
    public const string ApiKey = "vnt_bench_whatsapp_0123456789abcdef";

    private readonly Process process;

    private Service(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<Service> StartAsync(Options o, string graphUrl, string work)
    {
        var url = $"http://127.0.0.1:{o.Port}";
        var start = new ProcessStartInfo("dotnet", [o.App, "--urls", url]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Database__Provider"] = o.Database;
        env["Database__ConnectionString"] = o.Database == "Postgres" ? o.Connection : $"Data Source={Path.Combine(work, "bench.db")}";
        env["Bootstrap__ApiKey"] = ApiKey;
        env["Storage__Path"] = Path.Combine(work, "files");
        env["Logging__LogLevel__Default"] = "Warning";
        env["WhatsApp__PhoneNumberId"] = "1098765432";
        env["WhatsApp__AccessToken"] = "bench-token";
        env["WhatsApp__AppSecret"] = AppSecret;
        env["WhatsApp__VerifyToken"] = "bench-verify";
        env["WhatsApp__GraphApiBaseUrl"] = graphUrl;
        env["WhatsApp__RunInBackground"] = o.Process ? "true" : "false";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the service did not start");
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("service: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync($"{url}/health")).IsSuccessStatusCode)
                {
                    return new Service(process, url);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the service did not answer /health within a minute");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }
}
