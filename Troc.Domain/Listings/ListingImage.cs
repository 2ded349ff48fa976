using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Troc.Domain.Media;

namespace Troc.Domain.Listings;

/// <summary>One photo of a listing: the stored renditions and where it stands in the listing's order.</summary>
public sealed class ListingImage
{
    private ListingImage() { }

    public ListingImage(Guid id, int position, StoredImage image)
    {
        Id = id;
        Position = position;
        Image = image;
    }

    public Guid Id { get; private set; }

    /// <summary>0 for the cover photo, then 1, 2…; always 0..n-1 without gaps.</summary>
    public int Position { get; internal set; }

    /// <summary>The renditions in the image store (kept as one jsonb value: they are only ever read together).</summary>
    public StoredImage Image { get; private set; } = null!;
}

/// <summary>Stores a <see cref="StoredImage"/> as compact JSON: the id and, per rendition, its object name and size.</summary>
internal sealed class StoredImageJsonConverter() : ValueConverter<StoredImage, string>(
    image => Serialize(image),
    json => Deserialize(json))
{
    private sealed record VariantJson(string Name, int Width, int Height);

    private sealed record ImageJson(string Id, VariantJson Thumbnail, VariantJson Card, VariantJson Full);

    private static string Serialize(StoredImage image) => JsonSerializer.Serialize(new ImageJson(
        image.Id,
        new(image.Thumbnail.Name, image.Thumbnail.Width, image.Thumbnail.Height),
        new(image.Card.Name, image.Card.Width, image.Card.Height),
        new(image.Full.Name, image.Full.Width, image.Full.Height)));

    private static StoredImage Deserialize(string json)
    {
        var image = JsonSerializer.Deserialize<ImageJson>(json)!;
        return new StoredImage(
            image.Id,
            new ImageVariant(ImageSize.Thumbnail, image.Thumbnail.Name, image.Thumbnail.Width, image.Thumbnail.Height),
            new ImageVariant(ImageSize.Card, image.Card.Name, image.Card.Width, image.Card.Height),
            new ImageVariant(ImageSize.Full, image.Full.Name, image.Full.Width, image.Full.Height));
    }
}
