using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Troc.Domain.Persistence;

/// <summary>Lets `dotnet ef` build the model without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TrocDbContext>
{
    public TrocDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Troc")
            ?? "Host=127.0.0.1;Port=55432;Database=troc;Username=troc;Password=troc";
        var options = new DbContextOptionsBuilder<TrocDbContext>();
        TrocDatabase.Configure(options, TrocDatabase.CreateDataSource(connectionString));
        return new TrocDbContext(options.Options);
    }
}
