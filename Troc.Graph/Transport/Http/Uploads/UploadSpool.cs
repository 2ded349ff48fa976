using System.Buffers;

namespace Troc.Graph.Transport.Http.Uploads;

/// <summary>
/// The temporary folder holding one request's files. Registered for disposal with the response, so the files go
/// when the request ends, whether it succeeded, was refused half-way or was aborted.
/// </summary>
public sealed class UploadSpool(string root, ILogger logger) : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
    private int _count;

    /// <summary>Copies a part's body to a new file, stopping as soon as it outgrows the limit.</summary>
    /// <returns>The file's path and length, or null when the body was larger than <paramref name="maxBytes"/>.</returns>
    public async Task<(string Path, long Length)?> SaveAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        // The name is ours (a counter), never the client's file name: nothing user-controlled reaches the file system.
        var path = Path.Combine(_folder, (_count++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            await using var file = Disk(() =>
            {
                Directory.CreateDirectory(_folder);
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1, FileOptions.Asynchronous);
            });
            long length = 0;
            int read;
            // A failed read is the client's (a body cut short); a failed write is ours (disk full): they must not look alike.
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes) return null;
                try
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                catch (IOException exception)
                {
                    throw new UploadSpoolException(_folder, exception);
                }
            }
            return (path, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private FileStream Disk(Func<FileStream> open)
    {
        try
        {
            return open();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UploadSpoolException(_folder, exception);
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A resolver may still hold a file open; the folder is in the temporary area, which the system cleans.
            logger.LogWarning(exception, "Could not delete the upload folder {Folder}", _folder);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>The server could not spool an upload to disk: its fault, never reported as a malformed request.</summary>
public sealed class UploadSpoolException(string folder, Exception innerException)
    : Exception($"Could not write an upload to {folder}.", innerException);
