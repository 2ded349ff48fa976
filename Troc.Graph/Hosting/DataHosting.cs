using Microsoft.EntityFrameworkCore.Diagnostics;
using Troc.Domain.Persistence;

namespace Troc.Graph.Hosting;

public static class DataHosting
{
    /// <summary>PostgreSQL through a pooled <c>IDbContextFactory</c>; interceptors registered in DI are applied (tests count SQL with one).</summary>
    public static WebApplicationBuilder AddTrocData(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Troc");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "ConnectionStrings:Troc is not configured. Run through ./troc, or set ConnectionStrings__Troc.");
        var dataSource = TrocDatabase.CreateDataSource(connectionString);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddPooledDbContextFactory<TrocDbContext>((services, options) =>
            TrocDatabase.Configure(options, dataSource).AddInterceptors(services.GetServices<IInterceptor>()));
        return builder;
    }
}
