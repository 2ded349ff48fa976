using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Troc.Bench.Search;

/// <summary>
/// The real server (the built Troc.Graph.dll) as its own process on a free local port, pointed at the bench database:
/// Kestrel, the HTTP transport, validation, execution and loaders all take part, as in production.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Http { get; }

    /// <summary>Applies the migrations and reference data with the app's own `migrate` command.</summary>
    public static async Task MigrateAsync(string serverDll, string connectionString, TextWriter log)
    {
        using var process = Process.Start(Start(serverDll, connectionString, "migrate"))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            log.WriteLine(await output);
            log.WriteLine(await errors);
            throw new InvalidOperationException($"migrate failed ({process.ExitCode})");
        }
    }

    public static async Task<ServerProcess> StartAsync(string serverDll, string connectionString, TextWriter log)
    {
        var port = FreePort();
        var info = Start(serverDll, connectionString);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine("  server: " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine("  server: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the server exited ({process.ExitCode})");
            try
            {
                var data = await server.PostAsync("{ __typename }", null);
                if (data is not null) break;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            await Task.Delay(200);
        }
        log.WriteLine($"server on port {port} (pid {process.Id})");
        return server;
    }

    /// <summary>Posts an operation and returns its `data`; any GraphQL error fails the bench.</summary>
    public async Task<JsonNode?> PostAsync(string query, object? variables)
    {
        using var response = await Http.PostAsJsonAsync("/graphql", new { query, variables });
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        if (json?["errors"] is JsonArray { Count: > 0 } errors)
            throw new InvalidOperationException("GraphQL errors: " + errors.ToJsonString());
        return json?["data"];
    }

    private static ProcessStartInfo Start(string serverDll, string connectionString, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.GetCurrentDirectory(),
        };
        info.ArgumentList.Add(serverDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["ConnectionStrings__Troc"] = connectionString;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // One process: the in-memory event bus; a signing key of the run (nobody signs in); one client address, no rate limit.
        info.Environment["Redis__Configuration"] = "";
        info.Environment["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        info.Environment["Abuse__RateLimitingEnabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
