using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Troc.Graph.Ide;

public static class IdeRegistration
{
    public static WebApplicationBuilder AddTrocIde(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdeOptions>().BindConfiguration(IdeOptions.Section);
        builder.Services.AddSingleton<BananaCakePopAssets>();
        return builder;
    }

    /// <summary>Banana Cake Pop at /graphql; goes before the GraphQL transport, which gets every request it leaves.</summary>
    public static WebApplication UseTrocIde(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<IdeOptions>>().Value.Enabled) return app;
        var assetsDirectory = app.Services.GetRequiredService<BananaCakePopAssets>().Directory;
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(BananaCakePopMiddleware.EndpointPath),
            branch =>
            {
                branch.UseMiddleware<BananaCakePopMiddleware>();
                if (assetsDirectory is null) return;
                branch.UseStaticFiles(new StaticFileOptions
                {
                    RequestPath = BananaCakePopMiddleware.EndpointPath,
                    FileProvider = new PhysicalFileProvider(assetsDirectory),
                    // Everything under static/ carries a content hash in its name, so it never changes.
                    OnPrepareResponse = file =>
                    {
                        if (file.Context.Request.Path.StartsWithSegments(BananaCakePopMiddleware.EndpointPath + "/static"))
                            file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                    },
                });
            });
        return app;
    }
}
