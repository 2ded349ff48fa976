using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Troc.Graph.Realtime;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Realtime;

/// <summary>The bus on the local Redis, as two replicas would use it: two buses on two connections.</summary>
public sealed class RedisTopicEventBusTests : TopicEventBusBehaviour
{
    // Unique per test: parallel tests and other worktrees share this Redis.
    private readonly string _channelPrefix = $"troc-test:{Guid.NewGuid():N}:";
    private IConnectionMultiplexer _senderConnection = null!;
    private IConnectionMultiplexer _receiverConnection = null!;

    public override Task InitializeAsync()
    {
        _senderConnection = RedisConnection.Connect(TestDatabase.RedisConfiguration, Logs.CreateLogger("Redis.Sender"));
        _receiverConnection = RedisConnection.Connect(TestDatabase.RedisConfiguration, Logs.CreateLogger("Redis.Receiver"));
        Sender = new RedisTopicEventBus(_senderConnection, Logs.For<RedisTopicEventBus>(), _channelPrefix);
        Receiver = new RedisTopicEventBus(_receiverConnection, Logs.For<RedisTopicEventBus>(), _channelPrefix);
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await Sender.DisposeAsync();
        await Receiver.DisposeAsync();
        await _senderConnection.DisposeAsync();
        await _receiverConnection.DisposeAsync();
    }

    protected override Task<long> UpstreamSubscriptionsAsync(string topic) =>
        SubscriberCountAsync(_senderConnection, ((RedisTopicEventBus)Receiver).ChannelFor(topic));

    private static Task<long> SubscriberCountAsync(IConnectionMultiplexer connection, RedisChannel channel) =>
        connection.GetServers().Single().SubscriptionSubscriberCountAsync(channel);

    [Fact]
    public async Task Two_buses_on_two_connections_deliver_to_each_other()
    {
        var topic = NewTopic("messageAdded");
        var (onSender, senderSubscription) = await SubscribeAsync<MessageAdded>(Sender, topic);
        var (onReceiver, receiverSubscription) = await SubscribeAsync<MessageAdded>(Receiver, topic);
        using var _ = senderSubscription;
        using var __ = receiverSubscription;
        var fromA = MessageAdded.New();
        var fromB = MessageAdded.New();

        await Sender.SendAsync(topic, fromA);
        Assert.Equal(fromA, await onReceiver.NextAsync());
        await Receiver.SendAsync(topic, fromB);
        Assert.Equal(fromB, await onReceiver.NextAsync());

        // The sender's own subscriber hears both, through Redis, in the same order as every other replica.
        Assert.Equal([fromA, fromB], await onSender.NextAsync(2));
    }

    [Fact]
    public async Task A_process_holds_one_redis_subscription_per_topic_however_many_local_subscribers()
    {
        var topic = NewTopic("messageAdded");
        var channel = ((RedisTopicEventBus)Receiver).ChannelFor(topic);
        var subscriptions = new List<IDisposable>();
        for (var i = 0; i < 3; i++) subscriptions.Add((await SubscribeAsync<MessageAdded>(Receiver, topic)).Subscription);
        subscriptions.Add((await SubscribeAsync<MessageAdded>(Sender, topic)).Subscription);

        Assert.Equal(2, await SubscriberCountAsync(_senderConnection, channel));
        Assert.Equal(3, Receiver.LocalSubscriberCount(topic));

        subscriptions.ForEach(subscription => subscription.Dispose());
        await Eventually.TrueAsync(async () => await SubscriberCountAsync(_senderConnection, channel) == 0,
            "PUBSUB NUMSUB drops to 0 once every subscriber left");
    }

    [Fact]
    public async Task Events_travel_on_the_prefixed_channel_as_readable_json()
    {
        var topic = NewTopic("messageAdded");
        var raw = await _receiverConnection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(_channelPrefix + topic));
        var sent = MessageAdded.New();

        await Sender.SendAsync(topic, sent);
        await Sender.CompleteAsync(topic);

        using var timeout = new CancellationTokenSource(RecordingObserver<int>.DefaultTimeout);
        Assert.Equal(
            $$$"""{"message":{"conversationId":"{{{sent.ConversationId}}}","messageId":"{{{sent.MessageId}}}"}}""",
            (await raw.ReadAsync(timeout.Token)).Message.ToString());
        Assert.Equal("""{"completed":true}""", (await raw.ReadAsync(timeout.Token)).Message.ToString());
        await raw.UnsubscribeAsync();
    }

    [Fact]
    public void Redis_down_at_start_fails_with_an_error_naming_the_endpoint()
    {
        var closedPort = ThrowawayRedisServer.FreeTcpPort();

        var error = Assert.Throws<InvalidOperationException>(() =>
            RedisConnection.Connect($"127.0.0.1:{closedPort},connectTimeout=2000", Logs.CreateLogger("Redis")));

        Assert.Contains($"Redis is unreachable at 127.0.0.1:{closedPort} (Redis:Configuration)", error.Message);
        Assert.Contains("./troc services up", error.Message);
    }

    [Fact]
    public async Task Redis_lost_later_is_logged_and_reconnected_and_subscriptions_resume()
    {
        await using var server = await ThrowawayRedisServer.StartAsync();
        await using var senderConnection = RedisConnection.Connect(server.Configuration, Logs.CreateLogger("Redis.Sender"));
        await using var receiverConnection = RedisConnection.Connect(server.Configuration, Logs.CreateLogger("Redis.Receiver"));
        await using var sender = new RedisTopicEventBus(senderConnection, Logs.For<RedisTopicEventBus>(), _channelPrefix);
        await using var receiver = new RedisTopicEventBus(receiverConnection, Logs.For<RedisTopicEventBus>(), _channelPrefix);
        var topic = NewTopic("messageAdded");
        var (observer, subscription) = await SubscribeAsync<MessageAdded>(receiver, topic);
        using var _ = subscription;
        var beforeTheCrash = MessageAdded.New();
        await sender.SendAsync(topic, beforeTheCrash);
        Assert.Equal(beforeTheCrash, await observer.NextAsync());

        await server.KillAsync();
        var patience = TimeSpan.FromSeconds(60);
        await Eventually.TrueAsync(() => Logs.Contains(LogLevel.Warning, "Redis connection lost"), "the loss is logged", patience);
        await server.RestartAsync();
        await Eventually.TrueAsync(() => Logs.Contains(LogLevel.Information, "Redis connection restored"), "the restore is logged", patience);

        // The restarted server knows nothing: the channel is there again only if the multiplexer resubscribed.
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return await SubscriberCountAsync(senderConnection, receiver.ChannelFor(topic)) == 1;
            }
            catch (RedisException)
            {
                return false;
            }
        }, "the subscription is back on the restarted server", patience);
        var afterTheRestart = MessageAdded.New();
        await sender.SendAsync(topic, afterTheRestart);

        Assert.Equal(afterTheRestart, await observer.NextAsync(patience));
        Assert.False(observer.Completion.IsCompleted);
    }
}
