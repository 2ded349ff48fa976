using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Troc.Tests.Realtime;

/// <summary>
/// A private redis-server on a free port, for tests that kill and restart Redis: the shared one on 56379 is
/// never touched. Nothing is persisted, so a restart comes back empty, as after a real crash without AOF.
/// </summary>
public sealed class ThrowawayRedisServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("troc-redis-").FullName;
    private Process? _process;

    private ThrowawayRedisServer(int port) => Port = port;

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<ThrowawayRedisServer> StartAsync()
    {
        var server = new ThrowawayRedisServer(FreeTcpPort());
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server on the same port (again) and returns once it answers PING.</summary>
    public async Task RestartAsync()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("The throwaway redis-server is already running.");
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var argument in new[]
                 {
                     "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                     "--dir", _directory, "--daemonize", "no", "--loglevel", "warning",
                 })
            start.ArgumentList.Add(argument);
        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("redis-server is not installed: run ./troc services up.", exception);
        }
        // Drained so a chatty server can never block on a full pipe.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.TrueAsync(AnswersPingAsync, $"the throwaway redis-server answers PING on port {Port}");
    }

    /// <summary>Kills the server the hard way (SIGKILL): clients see their sockets drop, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>A port nobody listens on right now (the kernel's pick for port 0).</summary>
    public static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
