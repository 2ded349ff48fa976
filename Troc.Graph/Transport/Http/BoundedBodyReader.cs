using System.Buffers;
using Troc.Graph.Transport.Http.Errors;

namespace Troc.Graph.Transport.Http;

/// <summary>Reads a request body into memory, refusing it as soon as it outgrows the limit.</summary>
public static class BoundedBodyReader
{
    private const int ChunkSize = 16 * 1024;

    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        // An honest Content-Length lets us refuse before reading a byte; a chunked body is counted as it comes.
        if (request.ContentLength > maxBytes)
            throw new PayloadTooLargeError(maxBytes);

        using var body = new MemoryStream((int)Math.Min(request.ContentLength ?? ChunkSize, maxBytes));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                    throw new PayloadTooLargeError(maxBytes);
                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }
}
