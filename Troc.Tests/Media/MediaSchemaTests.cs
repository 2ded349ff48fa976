using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace Troc.Tests.Media;

/// <summary>The shapes the listing feature will reuse, as a schema prints them, each with its description.</summary>
public sealed class MediaSchemaTests(MediaAppFactory app) : IClassFixture<MediaAppFactory>
{
    [Fact]
    public void Upload_Image_ImageSize_and_the_image_errors_are_described()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = false });

        Assert.Contains("scalar Upload", sdl);
        Assert.Contains("url(size: ImageSize! = CARD): String!", sdl);
        Assert.Contains("width(size: ImageSize! = CARD): Int!", sdl);
        Assert.Contains("enum ImageSize {\n  THUMBNAIL\n  CARD\n  FULL\n}", sdl.Replace("\r\n", "\n"));
        Assert.Contains("union UploadTestImageError = NotAnImageError | UnsupportedImageFormatError | ImageTooLargeError | FileTooLargeError | CorruptImageError", sdl);

        var missing = new List<string>();
        foreach (var name in new[] { "Upload", "Image", "ImageSize", "NotAnImageError", "UnsupportedImageFormatError", "ImageTooLargeError", "FileTooLargeError", "CorruptImageError" })
        {
            var type = schema.AllTypes[name] ?? throw new Xunit.Sdk.XunitException($"{name} is not in the schema");
            if (string.IsNullOrWhiteSpace(type.Description)) missing.Add(name);
            if (type is IComplexGraphType complex)
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description)) missing.Add($"{name}.{field.Name}");
                    foreach (var argument in field.Arguments ?? [])
                        if (string.IsNullOrWhiteSpace(argument.Description)) missing.Add($"{name}.{field.Name}({argument.Name})");
                }
            if (type is EnumerationGraphType enumeration)
                foreach (var value in enumeration.Values)
                    if (string.IsNullOrWhiteSpace(value.Description)) missing.Add($"{name}.{value.Name}");
        }
        Assert.True(missing.Count == 0, "Missing descriptions: " + string.Join(", ", missing));
    }
}
