using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Troc.Domain.Media;

/// <summary>
/// The image store in an S3-compatible bucket, for deployments with several replicas. Objects are written once with
/// their content type and a one-year immutable Cache-Control, so a CDN or the bucket's public address can serve
/// them directly; <c>/media</c> can also serve them through the server.
/// </summary>
public sealed class S3ImageStore(IAmazonS3 client, string bucket, string keyPrefix) : IImageStore
{
    public static AmazonS3Client CreateClient(S3StoreOptions options, HttpClientFactory? httpClientFactory = null)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // Checksums only where S3 requires them: several S3-compatible services reject the newer default trailers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        else
            config.ServiceURL = options.ServiceUrl;
        if (httpClientFactory is not null) config.HttpClientFactory = httpClientFactory;
        return new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    /// <summary>The object key of a media name: the configured prefix, then the name itself.</summary>
    public string KeyOf(string name)
    {
        if (!MediaNames.IsValid(name)) throw new ArgumentException($"'{name}' is not a media name.", nameof(name));
        return keyPrefix + name;
    }

    public async Task SaveAsync(string name, byte[] content, string contentType, CancellationToken cancellationToken = default)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = KeyOf(name),
            InputStream = new MemoryStream(content, writable: false),
            ContentType = contentType,
            // A plain signed body (not aws-chunked): every S3-compatible service understands it.
            UseChunkEncoding = false,
        };
        request.Headers.CacheControl = MediaNames.CacheControl;
        await client.PutObjectAsync(request, cancellationToken);
    }

    public async Task<StoredObject?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!MediaNames.IsValid(name)) return null;
        try
        {
            var response = await client.GetObjectAsync(bucket, KeyOf(name), cancellationToken);
            return new StoredObject(new ResponseStream(response), response.ContentLength, MediaNames.ContentType(name));
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        await client.DeleteObjectAsync(bucket, KeyOf(name), cancellationToken);

    public async IAsyncEnumerable<StoredObjectInfo> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = keyPrefix };
        ListObjectsV2Response response;
        do
        {
            response = await client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
            {
                var name = item.Key[keyPrefix.Length..];
                if (MediaNames.IsValid(name)) yield return new StoredObjectInfo(name, item.LastModified?.ToUniversalTime() ?? DateTime.UtcNow);
            }
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }

    /// <summary>The object's body; disposing it disposes the response and so returns the connection.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) response.Dispose();
            base.Dispose(disposing);
        }
    }
}
