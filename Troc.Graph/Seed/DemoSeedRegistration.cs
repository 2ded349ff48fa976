namespace Troc.Graph.Seed;

public static class DemoSeedRegistration
{
    /// <summary>The demo data of `./troc seed`.</summary>
    public static IServiceCollection AddDemoSeed(this IServiceCollection services) => services.AddSingleton<DemoSeed>();
}
