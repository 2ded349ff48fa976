using System.Text.Json;

namespace Troc.Graph.Transport.Http.Errors;

public sealed class MalformedJsonError : BadRequestError
{
    public MalformedJsonError(string where, JsonException exception)
        : base($"{where} is not valid JSON: {Describe(exception)}")
    {
    }

    public MalformedJsonError(string where, string problem) : base($"{where} is not valid JSON: {problem}")
    {
    }

    // JsonException messages carry a path and position, useful to the client; they never carry server state.
    private static string Describe(JsonException exception) =>
        exception.Message.TrimEnd('.') + ".";
}
