using Microsoft.Extensions.DependencyInjection.Extensions;
using Troc.Domain.Moderation;

namespace Troc.Graph.Moderation;

public static class ModerationRegistration
{
    /// <summary>Blocking members: the use cases and the loader behind `User.blockedByViewer`.</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BlockService>();
        services.AddScoped<BlockedByViewer>();
        return services;
    }
}
