namespace Troc.Domain.Media;

/// <summary>
/// The one way a feature keeps a photo: process the upload (refusing anything that is not a sound JPEG, PNG or
/// WebP within the limits), then store its three renditions. A refused upload stores nothing; a store failure
/// half-way removes what was written before it surfaces.
/// </summary>
public sealed class ImageService(ImageProcessor processor, IImageStore store)
{
    public async Task<ImageSaveResult> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var processed = await processor.ProcessAsync(content, cancellationToken);
        if (processed.Failure is { } failure) return failure;
        var image = processed.Image!;

        var id = MediaNames.NewId();
        var variants = new List<ImageVariant>(3);
        try
        {
            foreach (var rendition in image.Renditions)
            {
                var name = MediaNames.For(id, rendition.Size, image.Encoding);
                await store.SaveAsync(name, rendition.Content, image.Encoding.ContentType(), cancellationToken);
                variants.Add(new ImageVariant(rendition.Size, name, rendition.Width, rendition.Height));
            }
        }
        catch
        {
            await DeleteQuietlyAsync(variants.Select(variant => variant.Name));
            throw;
        }
        return ImageSaveResult.Success(new StoredImage(
            id,
            variants.Single(v => v.Size == ImageSize.Thumbnail),
            variants.Single(v => v.Size == ImageSize.Card),
            variants.Single(v => v.Size == ImageSize.Full)));
    }

    /// <summary>Removes every rendition of a photo (when its listing drops it, or a later step of a mutation fails).</summary>
    public async Task DeleteAsync(StoredImage image, CancellationToken cancellationToken = default)
    {
        foreach (var variant in image.Variants)
            await store.DeleteAsync(variant.Name, cancellationToken);
    }

    private async Task DeleteQuietlyAsync(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            try
            {
                await store.DeleteAsync(name, CancellationToken.None);
            }
            catch (Exception)
            {
                // The original failure is the one worth reporting; an orphan rendition costs only disk space.
            }
        }
    }
}
