using Microsoft.Extensions.Options;
using Troc.Domain.Media;

namespace Troc.Graph.Media;

/// <summary>Builds the public URL of a rendition from "Media:PublicBaseUrl" ("/media" unless a CDN or bucket serves photos).</summary>
public sealed class ImageUrls(IOptions<MediaOptions> options)
{
    private readonly string _baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');

    public string For(ImageVariant variant) => $"{_baseUrl}/{variant.Name}";

    public string For(StoredImage image, ImageSize size) => For(image[size]);
}
