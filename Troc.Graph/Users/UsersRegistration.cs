using Troc.Graph.Common;

namespace Troc.Graph.Users;

public static class UsersRegistration
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddScoped<UserById>();
        services.AddSingleton<INodeResolver, UserNodeResolver>();
        return services;
    }
}
