using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Troc.Graph.Transport.Http.Errors;
using Troc.Graph.Transport.Http.Uploads;

namespace Troc.Graph.Transport.Http;

/// <summary>
/// Turns a POST body or GET query string into <see cref="GraphQLRequest"/>s, checking every parameter's JSON type
/// first so that each mistake gets its own 400 message instead of a serializer exception.
/// </summary>
public sealed class GraphQLHttpRequestReader(
    IGraphQLTextSerializer serializer,
    IOptions<GraphQLHttpOptions> options,
    MultipartRequestReader multipartReader)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public async Task<GraphQLHttpPayload> ReadPostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var kind = RequestContentType.Check(request);
        if (kind.IsMultipart)
            return await multipartReader.ReadAsync(request, kind.MultipartBoundary!, ParseBody, cancellationToken);
        var body = await BoundedBodyReader.ReadAsync(request, options.Value.MaxRequestBytes, cancellationToken);
        return ParseBody(body, "The request body");
    }

    public GraphQLHttpPayload ReadQueryString(IQueryCollection parameters)
    {
        var query = FirstOrNull(parameters["query"])
            ?? throw new InvalidRequestParameterError("The \"query\" URL parameter is required, e.g. /graphql?query={__typename}.");
        return GraphQLHttpPayload.Single(new GraphQLRequest
        {
            Query = query,
            OperationName = FirstOrNull(parameters["operationName"]),
            Variables = ReadUrlJsonObject(parameters, "variables"),
            Extensions = ReadUrlJsonObject(parameters, "extensions"),
        });
    }

    /// <summary>Parses JSON; <paramref name="where"/> names what held it in error messages: the body, or a multipart field.</summary>
    private GraphQLHttpPayload ParseBody(ReadOnlyMemory<byte> body, string where)
    {
        body = WithoutByteOrderMark(body);
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
            throw new BadRequestError($"{where} is empty: send a JSON object such as {{\"query\": \"{{ __typename }}\"}}.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new MalformedJsonError(where, exception);
        }
        using (document)
        {
            var root = document.RootElement;
            if (LoneSurrogates.Find(root) is { } problem) throw new MalformedJsonError(where, problem);
            return root.ValueKind switch
            {
                JsonValueKind.Object => GraphQLHttpPayload.Single(ToRequest(root, prefix: "")),
                JsonValueKind.Array => new GraphQLHttpPayload(ToBatch(root), IsBatch: true),
                _ => throw new InvalidRequestParameterError(
                    $"{where} must be a JSON object (one operation) or an array of them (a batch), not {Describe(root)}."),
            };
        }
    }

    private List<GraphQLRequest> ToBatch(JsonElement array)
    {
        var size = array.GetArrayLength();
        if (size == 0) throw new EmptyBatchError();
        var maxBatchSize = options.Value.MaxBatchSize;
        if (size > maxBatchSize) throw new BatchTooLargeError(size, maxBatchSize);
        return array.EnumerateArray().Select((item, index) => ToRequest(item, prefix: $"Batch item {index}: ")).ToList();
    }

    private GraphQLRequest ToRequest(JsonElement element, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new InvalidRequestParameterError($"{prefix}a request must be a JSON object, not {Describe(element)}.");
        var request = new GraphQLRequest();
        // Unknown keys are ignored: clients add their own (Apollo's "id", APQ hashes live in extensions anyway).
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "query":
                    request.Query = ReadString(property, prefix, "a string");
                    break;
                case "operationName":
                    request.OperationName = NullIfEmpty(ReadString(property, prefix, "a string or null"));
                    break;
                case "variables":
                    request.Variables = ReadObject(property, prefix);
                    break;
                case "extensions":
                    request.Extensions = ReadObject(property, prefix);
                    break;
            }
        }
        if (request.Query is null)
            throw new InvalidRequestParameterError($"{prefix}\"query\" is required: send the GraphQL document as a string.");
        return request;
    }

    private static string? ReadString(JsonProperty property, string prefix, string expected) => property.Value.ValueKind switch
    {
        JsonValueKind.String => property.Value.GetString(),
        JsonValueKind.Null => null,
        _ => throw new InvalidRequestParameterError($"{prefix}\"{property.Name}\" must be {expected}, not {Describe(property.Value)}."),
    };

    private Inputs? ReadObject(JsonProperty property, string prefix) => property.Value.ValueKind switch
    {
        JsonValueKind.Object => serializer.ReadNode<Inputs>(property.Value),
        JsonValueKind.Null => null,
        _ => throw new InvalidRequestParameterError(
            $"{prefix}\"{property.Name}\" must be a JSON object or null, not {Describe(property.Value)}."),
    };

    private Inputs? ReadUrlJsonObject(IQueryCollection parameters, string name)
    {
        var text = FirstOrNull(parameters[name]);
        if (text is null) return null;
        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            if (LoneSurrogates.Find(document.RootElement) is { } problem)
                throw new MalformedJsonError($"The \"{name}\" URL parameter", problem);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Object => serializer.ReadNode<Inputs>(document.RootElement),
                JsonValueKind.Null => null,
                _ => throw new InvalidRequestParameterError(
                    $"The \"{name}\" URL parameter must be a JSON object, not {Describe(document.RootElement)}."),
            };
        }
        catch (JsonException exception)
        {
            throw new MalformedJsonError($"The \"{name}\" URL parameter", exception);
        }
    }

    private static string? FirstOrNull(StringValues values) => NullIfEmpty(values.FirstOrDefault());

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> body) =>
        body.Span.StartsWith("\uFEFF"u8) ? body[3..] : body;

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
