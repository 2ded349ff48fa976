using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Compression;

/// <summary>HTTP as it goes over the wire: a real Kestrel port, and a client that decompresses nothing by itself.</summary>
public static class RawHttp
{
    /// <summary>Starts the host's Kestrel server (once; the factory must have called UseKestrel) and returns its address.</summary>
    public static Uri StartKestrel(this TrocAppFactory app)
    {
        app.StartServer();
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>A client that shows the bytes on the wire: no automatic decompression.</summary>
    public static HttpClient ClientFor(TrocAppFactory app) =>
        new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = app.StartKestrel() };

    public static byte[] Decode(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
