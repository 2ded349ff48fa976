using System.Globalization;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Troc.Graph.Transport.Http.Errors;

namespace Troc.Graph.Transport.Http.Uploads;

/// <summary>
/// The "map" field of a GraphQL multipart request: which file field goes where in "operations", as object paths
/// such as <c>variables.images.0</c> (or <c>1.variables.file</c> in a batch). Every path is checked against the
/// operations before any file is read, so a wrong map costs the client a 400, not an upload.
/// </summary>
public sealed class UploadMap
{
    private readonly List<(string Field, string[] Paths)> _entries;

    private UploadMap(List<(string Field, string[] Paths)> entries) => _entries = entries;

    public int Count => _entries.Count;

    public bool Contains(string field) => _entries.Exists(entry => entry.Field == field);

    public IEnumerable<string> Fields => _entries.Select(entry => entry.Field);

    public static UploadMap Parse(ReadOnlyMemory<byte> json, GraphQLHttpPayload payload, int maxFiles)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException exception)
        {
            throw new MalformedJsonError("The \"map\" multipart field", exception);
        }
        using (document)
        {
            var root = document.RootElement;
            if (LoneSurrogates.Find(root) is { } problem) throw new MalformedJsonError("The \"map\" multipart field", problem);
            if (root.ValueKind != JsonValueKind.Object)
                throw new MalformedMultipartError(
                    "The \"map\" multipart field must be a JSON object mapping each file field to the paths it fills, e.g. {\"0\": [\"variables.file\"]}.");
            var entries = new List<(string Field, string[] Paths)>();
            foreach (var property in root.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() == 0
                    || property.Value.EnumerateArray().Any(path => path.ValueKind != JsonValueKind.String))
                    throw new MalformedMultipartError(
                        $"The \"map\" entry '{property.Name}' must be a non-empty array of object paths (strings) such as \"variables.file\".");
                if (entries.Exists(entry => entry.Field == property.Name))
                    throw new MalformedMultipartError($"The \"map\" names the file field '{property.Name}' twice.");
                entries.Add((property.Name, property.Value.EnumerateArray().Select(path => path.GetString()!).ToArray()));
            }
            if (entries.Count > maxFiles)
                throw UploadTooLargeError.TooManyFiles(entries.Count, maxFiles);
            foreach (var (field, paths) in entries)
                foreach (var path in paths)
                    Place(payload, field, path, file: null);
            return new UploadMap(entries);
        }
    }

    /// <summary>Puts every file where the map says; the operations were already checked to have each slot.</summary>
    public GraphQLHttpPayload Apply(GraphQLHttpPayload payload, IReadOnlyDictionary<string, IFormFile> files)
    {
        foreach (var (field, paths) in _entries)
            foreach (var path in paths)
                payload = Place(payload, field, path, files[field]);
        return payload;
    }

    /// <summary>
    /// Finds the slot a path names and, when <paramref name="file"/> is given, returns the payload with the file in
    /// it. Copies every container on the way down rather than mutating the parsed variables.
    /// </summary>
    private static GraphQLHttpPayload Place(GraphQLHttpPayload payload, string field, string path, IFormFile? file)
    {
        var segments = path.Split('.');
        var index = 0;
        var operation = 0;
        if (payload.IsBatch)
        {
            if (!int.TryParse(segments[0], NumberStyles.None, CultureInfo.InvariantCulture, out operation) || operation >= payload.Requests.Count)
                throw Nowhere(field, path, $"in a batch, a path starts with the operation's index (0 to {payload.Requests.Count - 1})");
            index = 1;
        }
        if (segments.Length < index + 2 || segments[index] != "variables")
            throw Nowhere(field, path, "files can only go into the operation's variables, e.g. \"variables.file\"");
        var request = payload.Requests[operation];
        if (request.Variables is null)
            throw Nowhere(field, path, "the operation has no \"variables\"");

        var variables = (Inputs)Replace(request.Variables, segments, index + 1, field, path, file)!;
        if (file is null) return payload;
        var requests = payload.Requests.ToArray();
        requests[operation] = new GraphQLRequest
        {
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = variables,
            Extensions = request.Extensions,
        };
        return payload with { Requests = requests };
    }

    private static object? Replace(object? node, string[] segments, int index, string field, string path, IFormFile? file)
    {
        var segment = segments[index];
        var last = index == segments.Length - 1;
        switch (node)
        {
            case IReadOnlyDictionary<string, object?> map:
            {
                if (!map.TryGetValue(segment, out var child))
                    throw Nowhere(field, path, $"there is no \"{segment}\" at {Prefix(segments, index)}");
                if (last && child is not null)
                    throw Nowhere(field, path, "the value there must be null in \"operations\" (the file takes its place)");
                var value = last ? file : Replace(child, segments, index + 1, field, path, file);
                if (file is null) return null;
                var copy = new Dictionary<string, object?>(map) { [segment] = value };
                return map is Inputs ? new Inputs(copy) : copy;
            }
            case IReadOnlyList<object?> list:
            {
                if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position >= list.Count)
                    throw Nowhere(field, path, $"{Prefix(segments, index)} is a list of {list.Count}, and \"{segment}\" is not an index in it");
                var child = list[position];
                if (last && child is not null)
                    throw Nowhere(field, path, "the value there must be null in \"operations\" (the file takes its place)");
                var value = last ? file : Replace(child, segments, index + 1, field, path, file);
                if (file is null) return null;
                var copy = list.ToList();
                copy[position] = value;
                return copy;
            }
            default:
                throw Nowhere(field, path, $"{Prefix(segments, index)} is not an object or a list");
        }
    }

    private static string Prefix(string[] segments, int count) => "\"" + string.Join('.', segments[..count]) + "\"";

    private static MalformedMultipartError Nowhere(string field, string path, string why) =>
        new($"The \"map\" path '{path}' for file field '{field}' points nowhere in \"operations\": {why}.");
}
