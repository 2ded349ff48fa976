using Microsoft.Extensions.FileProviders;

namespace Troc.Graph.WebApp;

public static class WebAppRegistration
{
    public static WebApplicationBuilder AddTrocWebApp(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebAppOptions>().BindConfiguration(WebAppOptions.Section);
        builder.Services.AddSingleton<WebAppFiles>();
        builder.Services.AddSingleton<WebAppSecurityHeaders>();
        return builder;
    }

    /// <summary>
    /// Serves the built web app at the root: its files, and index.html for every other page address (/listings/…,
    /// /verify-email?token=…), since the app routes in the browser. /graphql, /media and /health are matched first.
    /// </summary>
    public static WebApplication MapTrocWebApp(this WebApplication app)
    {
        var directory = app.Services.GetRequiredService<WebAppFiles>().Directory;
        if (directory is null) return app;
        var files = new PhysicalFileProvider(directory);
        var securityHeaders = app.Services.GetRequiredService<WebAppSecurityHeaders>();
        app.Use(new PrecompressedFiles(files).ChooseCopy);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = PrecompressedFiles.ContentTypes,
            OnPrepareResponse = file =>
            {
                PrecompressedFiles.PrepareResponse(file);
                // Vite names everything under assets/ by its content hash: it never changes. The rest may.
                file.Context.Response.Headers.CacheControl =
                    file.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache";
                if (file.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase)) securityHeaders.Apply(file.Context.Response);
            },
        });
        app.MapFallbackToFile("index.html", new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = file =>
            {
                // A new release must reach people on their next visit: the page is checked again every time.
                file.Context.Response.Headers.CacheControl = "no-cache";
                securityHeaders.Apply(file.Context.Response);
            },
        }).WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
        return app;
    }
}
