using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Troc.Graph.Realtime;

namespace Troc.Tests.Realtime;

/// <summary>
/// The bus as features will use it: a type-first GraphQL.NET subscription field returns the receiver's
/// result as is, and ending the GraphQL stream releases the topic.
/// </summary>
public sealed class SubscriptionResolverTests
{
    public sealed record Pinged(string Room, int Sequence);

    public sealed class PingQueries
    {
        public static string Hello() => "hello";
    }

    public sealed class PingSubscriptions
    {
        public static ValueTask<IObservable<Pinged>> Pinged([FromServices] ITopicEventReceiver receiver, string room, CancellationToken cancellationToken) =>
            receiver.SubscribeAsync<Pinged>($"pinged:{room}", cancellationToken);
    }

    [Fact]
    public async Task A_type_first_subscription_field_streams_bus_events_and_releases_the_topic_when_the_stream_ends()
    {
        await using var services = new ServiceCollection()
            .AddSingleton<TopicEventBus>(new InMemoryTopicEventBus(NullLogger<InMemoryTopicEventBus>.Instance))
            .AddSingleton<ITopicEventReceiver>(provider => provider.GetRequiredService<TopicEventBus>())
            .AddGraphQL(graphQL => graphQL
                .AddAutoSchema<PingQueries>(schema => schema.WithSubscription<PingSubscriptions>())
                .AddSystemTextJson())
            .BuildServiceProvider();
        var bus = services.GetRequiredService<TopicEventBus>();

        var result = await services.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = """subscription { pinged(room: "kitchen") { room sequence } }""",
            RequestServices = services,
        });

        Assert.Null(result.Errors);
        var observer = new RecordingObserver<ExecutionResult>();
        var stream = result.Streams!["pinged"].Subscribe(observer);
        Assert.Equal(1, bus.LocalSubscriberCount("pinged:kitchen"));
        await bus.SendAsync("pinged:kitchen", new Pinged("kitchen", 1));
        await bus.SendAsync("pinged:hall", new Pinged("hall", 2));
        await bus.SendAsync("pinged:kitchen", new Pinged("kitchen", 3));

        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        Assert.Equal("""{"data":{"pinged":{"room":"kitchen","sequence":1}}}""", serializer.Serialize(await observer.NextAsync()));
        Assert.Equal("""{"data":{"pinged":{"room":"kitchen","sequence":3}}}""", serializer.Serialize(await observer.NextAsync()));

        stream.Dispose();
        await Eventually.TrueAsync(() => bus.LocalSubscriberCount("pinged:kitchen") == 0, "the GraphQL stream's end releases the topic");
    }
}
