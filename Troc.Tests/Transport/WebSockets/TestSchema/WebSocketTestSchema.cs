using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Troc.Tests.Transport.WebSockets.TestSchema;

/// <summary>
/// A small schema for the transport's tests: a query, a mutation, a stream that ends (<c>counter</c>) and one that
/// never does (<c>ticks</c>, observed by <see cref="TickSource"/> so tests can see it unsubscribed). Event fields
/// resolve through scoped services to show which DI scope each event ran in.
/// </summary>
public sealed class WebSocketTestSchema : GraphQL.Types.Schema
{
    public WebSocketTestSchema(IServiceProvider services) : base(services)
    {
        Query = new TestQueryType();
        Mutation = new TestMutationType();
        Subscription = new TestSubscriptionType();
    }

    /// <summary>The services every field of this schema relies on.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<TickSource>();
        services.AddSingleton<RunningTotal>();
        services.AddSingleton<ScopeLedger>();
        services.AddSingleton<PendingQueries>();
        services.AddScoped<ScopeMarker>();
        services.AddScoped<LoaderInstanceById>();
    }
}

public sealed class TestQueryType : ObjectGraphType
{
    public TestQueryType()
    {
        Name = "Query";
        Field<NonNullGraphType<StringGraphType>>("greeting")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Resolve(context => $"Bonjour {context.GetArgument<string>("name")} !");
        Field<StringGraphType>("viewer")
            .Description("The name of the socket's user; null when anonymous.")
            .Resolve(context => context.User?.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null);
        Field<NonNullGraphType<StringGraphType>>("scopeId")
            .Resolve(context => context.RequestServices!.GetRequiredService<ScopeMarker>().Id);
        Field<StringGraphType>("pending")
            .Description("Never resolves on its own; tells PendingQueries when it starts and when it is cancelled.")
            .Argument<NonNullGraphType<StringGraphType>>("label")
            .ResolveAsync(context => context.RequestServices!.GetRequiredService<PendingQueries>()
                .WaitUntilCancelledAsync(context.GetArgument<string>("label"), context.CancellationToken));
        Field<StringGraphType>("boom")
            .Resolve(_ => throw new ExecutionError("Boom.") { Code = "BOOM" });
    }
}

public sealed class TestMutationType : ObjectGraphType
{
    public TestMutationType()
    {
        Name = "Mutation";
        Field<NonNullGraphType<IntGraphType>>("addToTotal")
            .Argument<NonNullGraphType<IntGraphType>>("amount")
            .Resolve(context => context.RequestServices!.GetRequiredService<RunningTotal>().Add(context.GetArgument<int>("amount")));
    }
}

public sealed class TestSubscriptionType : ObjectGraphType
{
    public TestSubscriptionType()
    {
        Name = "Subscription";
        Field<NonNullGraphType<CounterEventType>>("counter")
            .Argument<NonNullGraphType<IntGraphType>>("upTo")
            .ResolveStream(context => new CountingObservable(context.GetArgument<int>("upTo")));
        Field<NonNullGraphType<TickType>>("ticks")
            .Argument<NonNullGraphType<StringGraphType>>("label")
            .ResolveStream(context => context.RequestServices!.GetRequiredService<TickSource>().Observe(context.GetArgument<string>("label")));
    }
}

public sealed record CounterEvent(int Value);

public sealed class CounterEventType : ObjectGraphType<CounterEvent>
{
    public CounterEventType()
    {
        Name = "CounterEvent";
        Field(e => e.Value);
        Field<NonNullGraphType<StringGraphType>>("scopeId")
            .Description("Identifies the DI scope this event was resolved in.")
            .Resolve(context => context.RequestServices!.GetRequiredService<ScopeMarker>().Id);
        Field<NonNullGraphType<StringGraphType>>("loadedBy")
            .Description("Identifies the batch loader instance that resolved this event (a scoped service).")
            .Resolve(context => context.RequestServices!.GetRequiredService<LoaderInstanceById>().Load(context.Source.Value));
        Field<StringGraphType>("viewer")
            .Resolve(context => context.User?.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null);
    }
}

public sealed record Tick(string Label, int Number);

public sealed class TickType : ObjectGraphType<Tick>
{
    public TickType()
    {
        Name = "Tick";
        Field(t => t.Label);
        Field(t => t.Number);
    }
}
