using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Troc.Graph.Transport.Http.Errors;

namespace Troc.Graph.Transport.Http.Uploads;

/// <summary>
/// Reads a GraphQL multipart request (github.com/jaydenseric/graphql-multipart-request-spec): the "operations"
/// field (the usual JSON body, single or batch), then "map", then the files, which are streamed to a temporary
/// folder one by one (never held whole in memory) and put into the variables as <see cref="UploadedFile"/>s.
/// </summary>
public sealed class MultipartRequestReader(
    IOptions<UploadOptions> uploadOptions,
    IOptions<GraphQLHttpOptions> httpOptions,
    ILogger<MultipartRequestReader> logger)
{
    public async Task<GraphQLHttpPayload> ReadAsync(
        HttpRequest request,
        string boundary,
        Func<ReadOnlyMemory<byte>, string, GraphQLHttpPayload> parseOperations,
        CancellationToken cancellationToken)
    {
        var limits = uploadOptions.Value;
        var maxJsonBytes = httpOptions.Value.MaxRequestBytes;
        var maxBodyBytes = limits.MaxRequestBytes(maxJsonBytes);
        if (request.ContentLength > maxBodyBytes)
            throw UploadTooLargeError.Body(maxBodyBytes);
        // Kestrel's own cap (30 MB by default) is below a full upload: this request's limit is ours to enforce, one
        // byte past Kestrel's, so that our counter, with its clear error, is the one that trips.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = maxBodyBytes + 1;

        var reader = new MultipartReader(boundary, new BoundedStream(request.Body, maxBodyBytes))
        {
            HeadersCountLimit = 16,
            HeadersLengthLimit = 16 * 1024,
        };
        try
        {
            var operationsJson = await ReadFieldAsync(reader, "operations", "the first field", maxJsonBytes, cancellationToken);
            var payload = parseOperations(operationsJson, "The \"operations\" multipart field");
            var mapJson = await ReadFieldAsync(reader, "map", "the field after \"operations\"", maxJsonBytes, cancellationToken);
            var map = UploadMap.Parse(mapJson, payload, limits.MaxFiles);
            var files = await ReadFilesAsync(request, reader, map, limits, cancellationToken);
            return map.Apply(payload, files);
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel refused to read on (its own body limit, a broken chunked encoding): still the client's fault.
            // It is an IOException too, hence caught first.
            throw exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? UploadTooLargeError.Body(maxBodyBytes)
                : new MalformedMultipartError($"The request body could not be read: {exception.Message}");
        }
        catch (IOException exception) when (exception is not FileNotFoundException && !cancellationToken.IsCancellationRequested)
        {
            // MultipartReader's word for a body that stops before its closing boundary.
            throw new MalformedMultipartError($"The multipart body is malformed: {exception.Message}");
        }
        catch (InvalidDataException exception)
        {
            // Headers over the limits above, or a line without its CRLF.
            throw new MalformedMultipartError($"The multipart body is malformed: {exception.Message}");
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadFieldAsync(
        MultipartReader reader, string name, string position, long maxBytes, CancellationToken cancellationToken)
    {
        var section = await reader.ReadNextSectionAsync(cancellationToken)
            ?? throw new MalformedMultipartError(
                $"The multipart body ends before the \"{name}\" field: send \"operations\", then \"map\", then the files.");
        var field = FieldName(section);
        if (field != name)
            throw new MalformedMultipartError(
                $"The multipart field \"{name}\" must be {position} (\"operations\", then \"map\", then the files), but '{field}' came instead.");
        using var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await section.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                    throw new UploadTooLargeError("PAYLOAD_TOO_LARGE", $"The \"{name}\" multipart field exceeds the limit of {maxBytes} bytes.");
                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }

    private async Task<Dictionary<string, IFormFile>> ReadFilesAsync(
        HttpRequest request, MultipartReader reader, UploadMap map, UploadOptions limits, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, IFormFile>(StringComparer.Ordinal);
        UploadSpool? spool = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var field = FieldName(section);
            if (!map.Contains(field))
                throw new MalformedMultipartError(
                    $"The multipart field '{field}' is not in \"map\": every field after \"map\" must be a file that \"map\" places.");
            if (files.ContainsKey(field))
                throw new MalformedMultipartError($"The multipart field '{field}' appears twice.");
            if (spool is null)
            {
                spool = new UploadSpool(limits.UploadRoot, logger);
                request.HttpContext.Response.RegisterForDisposeAsync(spool);
            }
            var fileName = FileName(section);
            var saved = await spool.SaveAsync(section.Body, limits.MaxFileBytes, cancellationToken)
                ?? throw UploadTooLargeError.File(field, fileName, limits.MaxFileBytes);
            files[field] = new UploadedFile(field, fileName, section.ContentType, saved.Path, saved.Length);
        }
        var missing = map.Fields.Where(field => !files.ContainsKey(field)).ToList();
        if (missing.Count > 0)
            throw new MalformedMultipartError(
                $"The file for \"map\" entr{(missing.Count == 1 ? "y" : "ies")} {string.Join(", ", missing.Select(f => $"'{f}'"))} is missing: "
                + "no multipart field of that name follows \"map\".");
        return files;
    }

    private static string FieldName(MultipartSection section)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(disposition.Name).Length == 0)
            throw new MalformedMultipartError(
                "Every multipart part needs a 'Content-Disposition: form-data; name=\"…\"' header naming its field.");
        return HeaderUtilities.RemoveQuotes(disposition.Name).Value!;
    }

    private static string? FileName(MultipartSection section)
    {
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
        var name = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? default);
        return name.HasValue && name.Length > 0 ? Path.GetFileName(name.Value) : null;
    }

    /// <summary>Counts what the client sends and refuses the request once it passes the limit, whatever Content-Length said.</summary>
    private sealed class BoundedStream(Stream inner, long maxBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > maxBytes) throw UploadTooLargeError.Body(maxBytes);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
