using System.ComponentModel;
using System.Diagnostics;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Node;

/// <summary>Runs the Node scripts of Troc.Tests/Node (npm packages pinned by its package-lock.json) from .NET tests.</summary>
public static class NodeScript
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "Troc.Tests", "Node");

    public static async Task<NodeScriptResult> RunAsync(string script, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
            throw new InvalidOperationException(
                $"{Path.Combine(Folder, "node_modules")} is missing: run ./troc test or npm ci --prefix Troc.Tests/Node");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = StartOrExplain(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {timeout}. stderr: {await errors}");
        }
        return new NodeScriptResult(process.ExitCode, await output, await errors);
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException("node is not on PATH: install Node.js 20 or later.", exception);
        }
    }
}

public sealed record NodeScriptResult(int ExitCode, string Output, string Errors);
