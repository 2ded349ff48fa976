using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Troc.Graph.Schema;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Transport.Execution;

/// <summary>
/// The real host with every log entry captured and one test-only root field, <c>failingField</c>, whose resolver
/// throws an exception carrying a secret, as an unexpected fault would (a broken query, a database outage).
/// </summary>
public sealed class ObservedApp : TrocAppFactory
{
    public const string SecretInException = "connection string Password=hunter2";

    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(Logs);
        AddFailingField(services);
    }

    /// <summary>Adds <c>failingField</c> to the query type of the host being configured.</summary>
    public static void AddFailingField(IServiceCollection services) =>
        services.AddTransient(_ =>
        {
            var query = new QueryType();
            query.Field<StringGraphType>("failingField")
                .Description("Test only: always throws.")
                .Resolve(_ => throw new InvalidOperationException(SecretInException));
            return query;
        });
}
