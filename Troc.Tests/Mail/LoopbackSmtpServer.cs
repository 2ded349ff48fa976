using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Troc.Tests.Mail;

/// <summary>
/// A real SMTP server on loopback: Debian's python3-aiosmtpd with its Maildir handler, started for one fixture
/// (`./troc services up` installs it). Messages land in <see cref="MaildirPath"/>/new.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly Process _process;

    private LoopbackSmtpServer(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        MaildirPath = maildir;
    }

    public int Port { get; }

    public string MaildirPath { get; }

    public static async Task<LoopbackSmtpServer> StartAsync()
    {
        var port = FreePort();
        var maildir = Path.Combine(Path.GetTempPath(), "troc-smtp-" + Guid.NewGuid().ToString("N"));
        // Debian's interpreter, which has the apt-installed aiosmtpd, even when another python3 comes first on PATH.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start aiosmtpd");
        var server = new LoopbackSmtpServer(process, port, maildir);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()} — is python3-aiosmtpd installed (./troc services up)?");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task<MimeMessage> WaitForMessageToAsync(string to, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var inbox = Path.Combine(MaildirPath, "new");
        while (true)
        {
            if (Directory.Exists(inbox))
                foreach (var file in Directory.GetFiles(inbox))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == to)) return message;
                }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No message to {to} reached the SMTP server");
            await Task.Delay(100);
        }
    }

    private bool _disposed;

    /// <summary>Idempotent: xunit may dispose the fixture both synchronously and asynchronously.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(MaildirPath)) Directory.Delete(MaildirPath, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
