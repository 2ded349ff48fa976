using Microsoft.Net.Http.Headers;
using Troc.Domain.Media;

namespace Troc.Graph.Media;

/// <summary>
/// Serves stored renditions at <c>/media/{name}</c>. Names are random and objects never change, so responses are
/// cacheable for a year by anyone; the content type comes from the name we gave, and nosniff stops a browser from
/// reading a photo as anything else.
/// </summary>
public static class MediaEndpoints
{
    public const string Path = "/media";

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(Path + "/{name}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task ServeAsync(HttpContext context, string name, IImageStore store)
    {
        var response = context.Response;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        await using var stored = MediaNames.IsValid(name) ? await store.OpenAsync(name, context.RequestAborted) : null;
        if (stored is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            // An upload may land a moment later under a name someone guessed: do not let caches remember the miss long.
            response.Headers.CacheControl = "no-store";
            return;
        }
        var etag = $"\"{name}\"";
        response.Headers.CacheControl = MediaNames.CacheControl;
        response.Headers.ETag = etag;
        response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        response.ContentType = stored.ContentType;
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentLength = stored.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await stored.Content.CopyToAsync(response.Body, context.RequestAborted);
    }
}
