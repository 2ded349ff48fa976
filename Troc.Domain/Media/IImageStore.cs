namespace Troc.Domain.Media;

/// <summary>
/// Where rendition files live: a local folder by default, an S3-compatible bucket in production. Names are always
/// <see cref="MediaNames"/> names; objects are written once and never change (URLs are cached for a year).
/// </summary>
public interface IImageStore
{
    Task SaveAsync(string name, byte[] content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>The object's bytes as a stream, or null when there is no such object.</summary>
    Task<StoredObject?> OpenAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; deleting one that does not exist is not an error.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Every object of ours in the store (valid media names only), in no particular order.</summary>
    IAsyncEnumerable<StoredObjectInfo> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>A stored object's name and when it was written.</summary>
public sealed record StoredObjectInfo(string Name, DateTime LastModifiedUtc);

/// <summary>An object read from the store. Dispose it to release the file or connection.</summary>
public sealed class StoredObject(Stream content, long length, string contentType) : IAsyncDisposable
{
    public Stream Content => content;

    public long Length => length;

    public string ContentType => contentType;

    public ValueTask DisposeAsync() => content.DisposeAsync();
}
