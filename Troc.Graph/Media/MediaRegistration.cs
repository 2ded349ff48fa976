using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Troc.Domain.Media;

namespace Troc.Graph.Media;

public static class MediaRegistration
{
    /// <summary>
    /// Photos: processing limits ("Media:Images"), the image store chosen by "Media:Store" (Local, the default, or
    /// S3), and the URL builder. A misconfigured S3 store stops the start rather than the first upload.
    /// </summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<ImageProcessingOptions>()
            .BindConfiguration(ImageProcessingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.SectionName)
            .Validate(IsComplete, "Media:Store is S3, but Media:S3:Bucket, Media:S3:AccessKey or Media:S3:SecretKey is empty.")
            .ValidateOnStart();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<IImageStore>(provider =>
        {
            var media = provider.GetRequiredService<IOptions<MediaOptions>>().Value;
            return media.Store switch
            {
                MediaStoreKind.S3 => new S3ImageStore(S3ImageStore.CreateClient(media.S3), media.S3.Bucket, media.S3.KeyPrefix),
                _ => new LocalDiskImageStore(media.LocalPath),
            };
        });
        services.AddSingleton<ImageService>();
        services.AddSingleton<ImageUrls>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OrphanedMediaSweeper>();
        services.AddHostedService<MediaSweepSchedule>();
        return services;
    }

    private static bool IsComplete(MediaOptions media) =>
        media.Store != MediaStoreKind.S3
        || !string.IsNullOrWhiteSpace(media.S3.Bucket) && !string.IsNullOrWhiteSpace(media.S3.AccessKey) && !string.IsNullOrWhiteSpace(media.S3.SecretKey);
}
