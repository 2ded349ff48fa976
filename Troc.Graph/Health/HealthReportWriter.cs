using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Troc.Graph.Health;

/// <summary>Writes <c>{ status, checks: { name: { status, description, durationMs } } }</c> for load balancers and people.</summary>
public static class HealthReportWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            // A check that threw gets its description from the exception message: keep that out of a public endpoint.
            json.WriteString("description", entry.Exception is null ? entry.Description : "check failed");
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
