namespace Troc.Domain.Media;

/// <summary>Where photos are kept and how their URLs start; bound from "Media".</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>"Local" (default: a folder on this machine) or "S3" (any S3-compatible service; required with several replicas).</summary>
    public MediaStoreKind Store { get; set; } = MediaStoreKind.Local;

    /// <summary>The local store's folder; relative paths start from the working directory (the repository root under ./troc).</summary>
    public string LocalPath { get; set; } = ".troc/media";

    /// <summary>
    /// What photo URLs start with: "/media" (default) serves them through this server; a CDN or the bucket's public
    /// address (e.g. "https://photos.example.org") sends clients there instead.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "/media";

    public S3StoreOptions S3 { get; set; } = new();
}

public enum MediaStoreKind
{
    Local,
    S3,
}

/// <summary>An S3-compatible bucket ("Media:S3"): AWS, MinIO, Garage, Scaleway, OVH…</summary>
public sealed class S3StoreOptions
{
    /// <summary>The service's address, e.g. "https://s3.fr-par.scw.cloud" or "http://minio:9000". Empty for AWS itself.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The signing region ("us-east-1" suits most S3-compatible services).</summary>
    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "";

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>Prepended to every object name, e.g. "photos/"; empty by default.</summary>
    public string KeyPrefix { get; set; } = "";

    /// <summary>Path-style URLs (endpoint/bucket/key), which most self-hosted services need; true by default.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
