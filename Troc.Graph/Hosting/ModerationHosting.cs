using Troc.Domain.Moderation;

namespace Troc.Graph.Hosting;

public static class ModerationHosting
{
    public static WebApplicationBuilder AddTrocModeration(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BlockService>();
        builder.Services.AddScoped<Moderation.BlockedByViewer>();
        return builder;
    }
}
