using Microsoft.AspNetCore.Http;
using Troc.Domain.Media;
using Troc.Graph.Common;
using Troc.Graph.Media;

namespace Troc.Graph.Listings;

/// <summary>
/// The all-or-nothing step of a listing mutation with photos: every upload is processed and stored, and if any is
/// refused, the ones already stored are deleted again so that the request leaves nothing behind.
/// </summary>
internal static class ListingPhotos
{
    public sealed record Saved(IReadOnlyList<StoredImage> Images, IReadOnlyList<UserError> Errors);

    /// <summary>Stores every upload, or none: the errors name each refused one as <c>{field}[i]</c>.</summary>
    public static async Task<Saved> SaveAllAsync(ImageService images, IReadOnlyList<IFormFile> uploads, string field, CancellationToken cancellationToken)
    {
        var stored = new List<StoredImage>(uploads.Count);
        var errors = new List<UserError>();
        try
        {
            for (var i = 0; i < uploads.Count; i++)
            {
                await using var content = uploads[i].OpenReadStream();
                var saved = await images.SaveAsync(content, cancellationToken);
                if (saved.Image is { } image) stored.Add(image);
                else errors.Add(ImageUploadErrors.From(saved.Failure!, $"{field}[{i}]"));
            }
        }
        catch
        {
            await DeleteAllAsync(images, stored);
            throw;
        }
        if (errors.Count == 0) return new Saved(stored, []);
        await DeleteAllAsync(images, stored);
        return new Saved([], errors);
    }

    /// <summary>Deletes photos that no listing keeps (a refused request, a removed photo). Never throws: an orphan file costs only disk space.</summary>
    public static async Task DeleteAllAsync(ImageService images, IEnumerable<StoredImage> stored)
    {
        foreach (var image in stored)
        {
            try
            {
                await images.DeleteAsync(image, CancellationToken.None);
            }
            catch (Exception)
            {
                // Keep going: the listing's state is what matters, and it is already consistent.
            }
        }
    }
}
