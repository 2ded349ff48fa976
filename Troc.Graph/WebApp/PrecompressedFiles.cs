using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Troc.Graph.WebApp;

/// <summary>
/// Serves the copies of the web app's files that the build compressed once at its best level (<c>app.js.br</c>,
/// <c>app.js.gz</c>, written by <c>client/build/precompress.ts</c>) in place of the file itself, to browsers that accept
/// that encoding: Brotli first, then gzip, else the plain file. Every answer for such a file says
/// <c>Vary: Accept-Encoding</c>, so a shared cache never hands the Brotli copy to a browser that did not ask for it. The
/// copies keep their own length, so their ETag differs from the plain file's, as it must.
/// </summary>
public sealed class PrecompressedFiles(IFileProvider files)
{
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>Set on a request whose path now names a compressed copy: the content type of the file it stands for.</summary>
    private static readonly object OriginalContentType = new();

    private static readonly FileExtensionContentTypeProvider KnownTypes = new();

    /// <summary>The static files' content types, plus Brotli's own (a copy asked for by its name is served as what it is).</summary>
    public static IContentTypeProvider ContentTypes { get; } = WithBrotli();

    /// <summary>Middleware, before the static files: points the request at the best copy the browser accepts.</summary>
    public Task ChooseCopy(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Path.HasValue
            // Pages carry per-response security headers and are compressed on the fly (they are small).
            && !request.Path.Value.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
            && KnownTypes.TryGetContentType(request.Path.Value, out var contentType)
            && files.GetFileInfo(request.Path.Value).Exists)
        {
            var available = Encodings.Where(e => files.GetFileInfo(request.Path.Value + e.Suffix).Exists).ToList();
            if (available.Count > 0)
            {
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
                if (Preferred(request, available) is { } chosen)
                {
                    request.Path += chosen.Suffix;
                    context.Response.Headers.ContentEncoding = chosen.Encoding;
                    context.Items[OriginalContentType] = contentType;
                }
            }
        }
        return next(context);
    }

    /// <summary>From the static files' OnPrepareResponse: a copy is served with the content type of what it stands for.</summary>
    public static void PrepareResponse(StaticFileResponseContext file)
    {
        if (file.Context.Items.TryGetValue(OriginalContentType, out var contentType))
            file.Context.Response.ContentType = (string)contentType!;
    }

    /// <summary>The encoding the request accepts with the highest weight (Brotli on a tie), among those available.</summary>
    private static (string Encoding, string Suffix)? Preferred(HttpRequest request, List<(string Encoding, string Suffix)> available)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted)) return null;
        (string Encoding, string Suffix)? best = null;
        var bestQuality = 0.0;
        foreach (var candidate in available)
        {
            var quality = QualityOf(accepted, candidate.Encoding);
            if (quality > bestQuality) (best, bestQuality) = (candidate, quality);
        }
        return best;
    }

    /// <summary>The weight given to an encoding by name, else by <c>*</c>; 0 when neither names it.</summary>
    private static double QualityOf(IList<StringWithQualityHeaderValue> accepted, string encoding)
    {
        double? wildcard = null;
        foreach (var value in accepted)
        {
            if (value.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase)) return value.Quality ?? 1;
            if (value.Value.Equals("*", StringComparison.Ordinal)) wildcard = value.Quality ?? 1;
        }
        return wildcard ?? 0;
    }

    private static FileExtensionContentTypeProvider WithBrotli()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".br"] = "application/x-br";
        return provider;
    }
}
