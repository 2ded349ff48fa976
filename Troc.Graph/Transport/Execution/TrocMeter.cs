namespace Troc.Graph.Transport.Execution;

/// <summary>The name under which Troc's GraphQL metrics are published (for OpenTelemetry or dotnet-counters).</summary>
public static class TrocMeter
{
    public const string Name = "Troc.Graph";
}
