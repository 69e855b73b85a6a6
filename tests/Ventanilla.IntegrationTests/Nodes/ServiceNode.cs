using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Ventanilla.IntegrationTests.Nodes;

/// <summary>
/// The real service as a child process (<c>dotnet Ventanilla.dll</c>), configured only through
/// environment variables, on 127.0.0.1 and a port of its own. <see cref="Kill"/> is SIGKILL: no
/// shutdown, no finally block of the service runs. <see cref="RestartAsync"/> starts it again on the
/// same database, port and files. Its output goes to a log file whose tail failing tests quote.
/// </summary>
public sealed class ServiceNode : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(15);

    private readonly Lock gate = new();
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly StreamWriter log;
    private readonly List<Process> spawned = [];
    private Process? process;

    private ServiceNode(string name, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        Port = TestSmtpServer.FreePort();
        Address = new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");
        this.environment = environment;
        var directory = Path.Combine(Path.GetTempPath(), "ventanilla-nodes");
        Directory.CreateDirectory(directory);
        LogPath = Path.Combine(directory, $"{name}-{Guid.NewGuid():N}.log");
        log = new StreamWriter(LogPath, append: false) { AutoFlush = true };
    }

    public string Name { get; }
    public int Port { get; }
    public Uri Address { get; }
    public string LogPath { get; }

    /// <summary>How many times this node was killed.</summary>
    public int Kills { get; private set; }

    /// <summary>The running process's id, or null while it is down.</summary>
    public int? ProcessId
    {
        get
        {
            lock (gate)
            {
                return process is { HasExited: false } ? process.Id : null;
            }
        }
    }

    public bool IsRunning => ProcessId is not null;

    /// <summary>Starts a node and waits until it answers <c>/health</c>.</summary>
    public static async Task<ServiceNode> StartAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        var node = new ServiceNode(name, settings);
        try
        {
            await node.RestartAsync();
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    /// <summary>Starts the process again (it must be down) and waits until it is healthy.</summary>
    public async Task RestartAsync()
    {
        // A port the killed process listened on is normally free at once; a start that loses the race is tried again.
        for (var attempt = 1; ; attempt++)
        {
            var started = Spawn();
            var failure = await WaitHealthyAsync(started);
            if (failure is null)
            {
                return;
            }

            lock (gate)
            {
                if (!ReferenceEquals(process, started))
                {
                    // A test's hook killed it while it started: it is down on purpose, not broken.
                    return;
                }
            }

            Kill();
            if (attempt == 3 || !failure.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Node {Name} did not become healthy: {failure}\n{Tail()}");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>SIGKILL to the process and its children, and waits (boundedly) until it is gone.</summary>
    public void Kill()
    {
        lock (gate)
        {
            if (process is null)
            {
                return;
            }

            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    Kills++;
                }

                if (!process.WaitForExit(ExitLimit))
                {
                    throw new InvalidOperationException($"Node {Name} (pid {process.Id}) did not exit within {ExitLimit} of SIGKILL.");
                }
            }
            catch (InvalidOperationException) when (process.HasExited)
            {
                // It ended on its own between the check and the kill.
            }

            Write($"==== {Name}: killed ====");
            // Not disposed here: a start under way may still be watching it; the exited process holds nothing.
            process = null;
        }
    }

    /// <summary>An API client that signs in with the administrator key the bootstrap settings create.</summary>
    public HttpClient Api(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromSeconds(15) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", NodeSettings.ApiKey);
        return client;
    }

    /// <summary>The last lines of this node's output, for a failing test's message.</summary>
    public string Tail(int lines = 80)
    {
        lock (gate)
        {
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var all = reader.ReadToEnd().Split('\n');
            return $"--- {Name}: last lines of {LogPath} ---\n" + string.Join('\n', all.TakeLast(lines));
        }
    }

    private Process Spawn()
    {
        var directory = ServiceDirectory.Path;
        var start = new ProcessStartInfo("dotnet", [System.IO.Path.Combine(directory, "Ventanilla.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/');
        var started = new Process { StartInfo = start };
        started.OutputDataReceived += (_, e) => Write(e.Data);
        started.ErrorDataReceived += (_, e) => Write(e.Data);
        lock (gate)
        {
            if (process is not null)
            {
                throw new InvalidOperationException($"Node {Name} is already running.");
            }

            Write($"==== {Name}: starting ====");
            if (!started.Start())
            {
                throw new InvalidOperationException($"Node {Name} could not be started.");
            }

            process = started;
            spawned.Add(started);
        }

        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    // Null once healthy; otherwise why not.
    private async Task<string?> WaitHealthyAsync(Process started)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartLimit)
        {
            lock (gate)
            {
                if (!ReferenceEquals(process, started))
                {
                    return "killed while starting";
                }
            }

            if (started.HasExited)
            {
                return $"the process exited with code {started.ExitCode} while starting";
            }

            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return null;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        return $"no healthy answer from {Address}health within {StartLimit}";
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        lock (gate)
        {
            foreach (var exited in spawned)
            {
                exited.Dispose();
            }
        }

        lock (log)
        {
            log.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Where the web project's build output is: beside the tests, or in the project's own bin folder.</summary>
internal static class ServiceDirectory
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var here = AppContext.BaseDirectory;
        if (Runnable(here))
        {
            return here;
        }

        // bin/<Configuration>/<framework>/ of the tests: the same of the web project.
        var framework = new DirectoryInfo(here.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var configuration = framework.Parent?.Name ?? "Release";
        for (var directory = framework; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Ventanilla.slnx")))
            {
                var built = System.IO.Path.Combine(directory.FullName, "src", "Ventanilla", "bin", configuration, framework.Name);
                if (Runnable(built))
                {
                    return built;
                }

                throw new InvalidOperationException($"The service is not built at {built}: build Ventanilla.slnx in {configuration} first.");
            }
        }

        throw new InvalidOperationException("Could not find the repository root (Ventanilla.slnx) above " + here);
    }

    private static bool Runnable(string directory) =>
        File.Exists(System.IO.Path.Combine(directory, "Ventanilla.dll")) && File.Exists(System.IO.Path.Combine(directory, "Ventanilla.runtimeconfig.json"));
}
