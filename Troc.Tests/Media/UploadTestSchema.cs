using System.ComponentModel;
using System.Security.Cryptography;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Media;
using Troc.Graph.Common;
using Troc.Graph.Media;
using Troc.Graph.Schema;

namespace Troc.Tests.Media;

/// <summary>
/// Troc's queries plus test-only mutations that exercise uploads end to end: the multipart transport, the `Upload`
/// scalar, processing, the store and the `Image` type, exactly as a listing mutation will use them.
/// </summary>
public sealed class UploadTestSchema : GraphQL.Types.Schema
{
    public UploadTestSchema(IServiceProvider services) : base(services)
    {
        this.RegisterTrocTypeMappings();
        Query = services.GetRequiredService<QueryType>();
        var mutation = new ObjectGraphType { Name = "Mutation", Description = "Test-only upload mutations." };
        mutation.AddFieldsOf<UploadTestMutations>();
        Mutation = mutation;
    }
}

public sealed class UploadTestMutations
{
    [GraphQLMetadata("uploadTestImage")]
    [Description("Processes and stores one photo.")]
    [OutputType(typeof(NonNullGraphType<UploadTestImagePayloadType>))]
    public static async Task<UploadTestImagePayload> UploadTestImage(
        [Description("The photo.")] IFormFile file,
        [FromServices] ImageService images,
        CancellationToken cancellationToken)
    {
        await using var content = file.OpenReadStream();
        var saved = await images.SaveAsync(content, cancellationToken);
        return saved.Image is { } image
            ? new UploadTestImagePayload([image])
            : new UploadTestImagePayload([], [ImageUploadErrors.From(saved.Failure!, "file")]);
    }

    [GraphQLMetadata("uploadTestImages")]
    [Description("Processes and stores several photos; refused ones are reported by index.")]
    [OutputType(typeof(NonNullGraphType<UploadTestImagePayloadType>))]
    public static async Task<UploadTestImagePayload> UploadTestImages(
        [Description("The photos.")] IFormFile[] files,
        [FromServices] ImageService images,
        CancellationToken cancellationToken)
    {
        var stored = new List<StoredImage>();
        var errors = new List<UserError>();
        for (var i = 0; i < files.Length; i++)
        {
            await using var content = files[i].OpenReadStream();
            var saved = await images.SaveAsync(content, cancellationToken);
            if (saved.Image is { } image) stored.Add(image);
            else errors.Add(ImageUploadErrors.From(saved.Failure!, $"files[{i}]"));
        }
        return new UploadTestImagePayload(stored, errors);
    }

    [GraphQLMetadata("describeUploads")]
    [Description("What the server received, without processing: for transport tests.")]
    [OutputType(typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<UploadDescription>>>>))]
    public static IEnumerable<UploadDescription> DescribeUploads(
        [Description("Any files.")] IFormFile[] files,
        [Description("An optional extra file.")] IFormFile? extra = null) =>
        files.Append(extra).OfType<IFormFile>().Select(Describe);

    private static UploadDescription Describe(IFormFile file)
    {
        using var content = file.OpenReadStream();
        return new UploadDescription(file.Name, file.FileName, file.ContentType, (int)file.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
    }
}

public sealed class UploadTestImagePayload(IReadOnlyList<StoredImage> images, IReadOnlyList<UserError>? errors = null) : Payload(errors)
{
    [Description("The photos stored.")]
    public IReadOnlyList<StoredImage> Images { get; } = images;
}

public sealed class UploadTestImagePayloadType() : PayloadType<UploadTestImagePayload>("Result of an upload test.", ImageUploadErrors.Types);

[Description("One received upload.")]
public sealed record UploadDescription(
    [property: Description("Multipart field.")] string Field,
    [property: Description("Declared file name.")] string FileName,
    [property: Description("Declared content type.")] string ContentType,
    [property: Description("Bytes received.")] int Length,
    [property: Description("SHA-256 of the bytes, hex.")] string Sha256);
