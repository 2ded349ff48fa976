using Microsoft.Net.Http.Headers;

namespace Troc.Graph.Transport.Http.Uploads;

/// <summary>
/// A file of a multipart request, spooled to a temporary file: the value of an `Upload` argument. Its name and
/// content type are what the client declared, never to be trusted; the temporary file is deleted when the request ends.
/// </summary>
public sealed class UploadedFile(string fieldName, string? fileName, string? contentType, string path, long length) : IFormFile
{
    private readonly HeaderDictionary _headers = new();

    /// <summary>The multipart field the file came in ("0", "1"… with most clients).</summary>
    public string Name => fieldName;

    /// <summary>The file name the client declared (may be empty, may lie).</summary>
    public string FileName => fileName ?? "";

    /// <summary>The content type the client declared (may lie: images are recognised by decoding).</summary>
    public string ContentType => contentType ?? "application/octet-stream";

    public long Length => length;

    public string ContentDisposition => $"form-data; name=\"{fieldName}\"; filename=\"{FileName}\"";

    public IHeaderDictionary Headers
    {
        get
        {
            _headers[HeaderNames.ContentType] = ContentType;
            _headers[HeaderNames.ContentDisposition] = ContentDisposition;
            return _headers;
        }
    }

    /// <summary>A new read-only stream over the file each time: several arguments may name the same upload.</summary>
    public Stream OpenReadStream() =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public void CopyTo(Stream target)
    {
        using var source = OpenReadStream();
        source.CopyTo(target);
    }

    public async Task CopyToAsync(Stream target, CancellationToken cancellationToken = default)
    {
        await using var source = OpenReadStream();
        await source.CopyToAsync(target, cancellationToken);
    }

    public override string ToString() => $"Upload '{FileName}' ({Length} bytes, field {Name})";
}
