using System.Runtime.CompilerServices;

namespace Troc.Domain.Media;

/// <summary>
/// The image store on local disk (the default; one machine only): <c>{root}/{first two characters}/{name}</c>, so no
/// folder grows past a few thousand files. Writes go to a temporary file first and are renamed into place, so a
/// reader never sees half a photo.
/// </summary>
public sealed class LocalDiskImageStore(string root) : IImageStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task SaveAsync(string name, byte[] content, string contentType, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, content, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public Task<StoredObject?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!MediaNames.IsValid(name)) return Task.FromResult<StoredObject?>(null);
        try
        {
            var stream = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<StoredObject?>(new StoredObject(stream, stream.Length, MediaNames.ContentType(name)));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<StoredObject?>(null);
        }
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(name));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredObjectInfo> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            if (MediaNames.IsValid(name)) yield return new StoredObjectInfo(name, File.GetLastWriteTimeUtc(path));
        }
        await Task.CompletedTask;
    }

    /// <summary>Only for names that passed <see cref="MediaNames.IsValid"/>: hex, a dash, a word and an extension.</summary>
    public string PathOf(string name)
    {
        if (!MediaNames.IsValid(name)) throw new ArgumentException($"'{name}' is not a media name.", nameof(name));
        return Path.Combine(Root, name[..2], name);
    }
}
