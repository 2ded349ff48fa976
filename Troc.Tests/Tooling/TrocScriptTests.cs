using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Troc.Tests.Infrastructure;
using Troc.Tests.Realtime;

namespace Troc.Tests.Tooling;

/// <summary>
/// The developer's script, ./troc: with `./troc run` serving in one terminal, `./troc test` (which starts with
/// `./troc services up`) must go ahead in another. The script runs through troc-harness.sh, which keeps its code and
/// replaces only the steps that need the whole machine; the services lock it takes lives in this test's own folder.
/// </summary>
public sealed class TrocScriptTests : IAsyncLifetime
{
    private const string WaitingForTheLock = "waiting for another ./troc services command";
    private static readonly string Harness = Path.Combine(RepositoryPaths.Root, "Troc.Tests", "Tooling", "troc-harness.sh");

    private readonly string _state = Directory.CreateTempSubdirectory("troc-script-").FullName;
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private string _database = "";
    private Process? _server;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        await TestDatabase.DropAsync(_database);
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task The_server_of_troc_run_leaves_the_services_lock_to_the_next_services_command()
    {
        var port = ThrowawayRedisServer.FreeTcpPort();
        var serverOutput = new StringBuilder();
        _server = Start(["run"], port, serverOutput, onLine: null);
        await WaitForHealthAsync(_server, port, serverOutput);

        // `run` ends by exec'ing the server: the process started above is the server now, holding what it inherited.
        Assert.Contains("Troc.Graph.dll", await File.ReadAllTextAsync($"/proc/{_server.Id}/cmdline"));
        var lockFile = Path.Combine(_state, "services.lock");
        Assert.True(File.Exists(lockFile), $"./troc run took no services lock in {_state}");
        var openFiles = Directory.GetFiles($"/proc/{_server.Id}/fd").Select(fd => new FileInfo(fd).LinkTarget).ToList();
        Assert.DoesNotContain(lockFile, openFiles);

        // The next services command takes the lock at once. It says so before it waits (up to ten minutes): stop there.
        var output = new StringBuilder();
        var waiting = new TaskCompletionSource();
        using var services = Start(["services", "up"], port, output, line =>
        {
            if (line.Contains(WaitingForTheLock)) waiting.TrySetResult();
        });
        var finished = services.WaitForExitAsync();
        if (await Task.WhenAny(finished, waiting.Task) == waiting.Task)
        {
            services.Kill(entireProcessTree: true);
            Assert.Fail($"./troc services up waited for the lock while ./troc run served:\n{output}");
        }
        await finished;
        Assert.Equal(0, services.ExitCode);
        Assert.DoesNotContain(WaitingForTheLock, output.ToString());
    }

    /// <summary>The harness with this test's database, Redis, port and folders: nothing of the checkout's own is used.</summary>
    private Process Start(IReadOnlyList<string> arguments, int port, StringBuilder output, Action<string>? onLine)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Harness);
        start.ArgumentList.Add(_state);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var environment = start.Environment;
        environment.Remove("ASPNETCORE_ENVIRONMENT"); // `run` chooses Development, as for a developer
        environment["ConnectionStrings__Troc"] = TestDatabase.ConnectionStringFor(_database);
        environment["Redis__Configuration"] = TestDatabase.RedisConfiguration;
        environment["TROC_PORT"] = port.ToString();
        environment["Auth__SigningKey"] = _signingKey;
        environment["Media__LocalPath"] = Path.Combine(_state, "media");
        environment["Media__SweepIntervalHours"] = "0";
        environment["Mail__OutboxDirectory"] = Path.Combine(_state, "outbox");
        environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        void Collect(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            onLine?.Invoke(e.Data);
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(Process server, int port, StringBuilder output)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // Generous: the server shares two cores with the rest of the suite.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (server.HasExited) Assert.Fail($"./troc run exited with code {server.ExitCode}:\n{output}");
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy
            }
            if (DateTime.UtcNow > deadline) Assert.Fail($"./troc run did not answer /health on port {port}:\n{output}");
            await Task.Delay(250);
        }
    }
}
