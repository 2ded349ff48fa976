using Microsoft.Extensions.Logging;
using Troc.Graph.Realtime;

namespace Troc.Tests.Realtime;

/// <summary>An event as features will send them: ids only.</summary>
public sealed record MessageAdded(Guid ConversationId, Guid MessageId)
{
    public static MessageAdded New() => new(Guid.NewGuid(), Guid.NewGuid());
}

/// <summary>
/// What every bus must do, run against each implementation. <see cref="Sender"/> and <see cref="Receiver"/> are
/// two instances on two connections for Redis, one and the same bus in memory.
/// </summary>
public abstract class TopicEventBusBehaviour : IAsyncLifetime
{
    protected LogCollector Logs { get; } = new();

    protected TopicEventBus Sender { get; set; } = null!;

    protected TopicEventBus Receiver { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    /// <summary>How many processes receive <paramref name="topic"/> from upstream (Redis <c>PUBSUB NUMSUB</c>).</summary>
    protected abstract Task<long> UpstreamSubscriptionsAsync(string topic);

    protected static string NewTopic(string name) => $"{name}:{Guid.NewGuid():N}";

    protected static async Task<(RecordingObserver<T> Observer, IDisposable Subscription)> SubscribeAsync<T>(
        ITopicEventReceiver bus, string topic, Action<T>? onNext = null)
    {
        var observer = new RecordingObserver<T>(onNext);
        var stream = await bus.SubscribeAsync<T>(topic);
        return (observer, stream.Subscribe(observer));
    }

    [Fact]
    public async Task A_sent_event_reaches_a_subscriber_with_its_ids()
    {
        var topic = NewTopic("messageAdded");
        var (observer, subscription) = await SubscribeAsync<MessageAdded>(Receiver, topic);
        using (subscription)
        {
            var sent = MessageAdded.New();
            await Sender.SendAsync(topic, sent);

            Assert.Equal(sent, await observer.NextAsync());
        }
    }

    [Fact]
    public async Task Every_subscriber_of_a_topic_gets_every_event_in_order()
    {
        var topic = NewTopic("messageAdded");
        var subscribers = new List<(RecordingObserver<MessageAdded> Observer, IDisposable Subscription)>();
        for (var i = 0; i < 3; i++) subscribers.Add(await SubscribeAsync<MessageAdded>(Receiver, topic));
        var sent = Enumerable.Range(0, 20).Select(_ => MessageAdded.New()).ToList();

        foreach (var message in sent) await Sender.SendAsync(topic, message);

        foreach (var (observer, subscription) in subscribers)
        {
            Assert.Equal(sent, await observer.NextAsync(sent.Count));
            subscription.Dispose();
        }
    }

    [Fact]
    public async Task An_event_on_another_topic_is_not_delivered()
    {
        var topic = NewTopic("messageAdded");
        var otherTopic = NewTopic("messageAdded");
        var (observer, subscription) = await SubscribeAsync<MessageAdded>(Receiver, topic);
        using (subscription)
        {
            var (otherObserver, otherSubscription) = await SubscribeAsync<MessageAdded>(Receiver, otherTopic);
            using var _ = otherSubscription;
            var forOtherTopic = MessageAdded.New();
            var forTopic = MessageAdded.New();

            // Sent first on the same connection: had it been misrouted, it would arrive first.
            await Sender.SendAsync(otherTopic, forOtherTopic);
            await Sender.SendAsync(topic, forTopic);

            Assert.Equal(forTopic, await observer.NextAsync());
            Assert.Equal(forOtherTopic, await otherObserver.NextAsync());
            Assert.Empty(observer.Pending());
        }
    }

    [Fact]
    public async Task A_disposed_subscriber_gets_nothing_more_and_the_last_one_unsubscribes_the_topic()
    {
        var topic = NewTopic("messageAdded");
        var (first, firstSubscription) = await SubscribeAsync<MessageAdded>(Receiver, topic);
        var (second, secondSubscription) = await SubscribeAsync<MessageAdded>(Receiver, topic);
        Assert.Equal(1, await UpstreamSubscriptionsAsync(topic));

        firstSubscription.Dispose();
        var afterFirstLeft = MessageAdded.New();
        await Sender.SendAsync(topic, afterFirstLeft);

        // Both are delivered by the same loop: once the second has it, the first would have had it too.
        Assert.Equal(afterFirstLeft, await second.NextAsync());
        Assert.Empty(first.Pending());
        Assert.Equal(1, Receiver.LocalSubscriberCount(topic));
        Assert.Equal(1, await UpstreamSubscriptionsAsync(topic));

        secondSubscription.Dispose();
        await Eventually.TrueAsync(async () => await UpstreamSubscriptionsAsync(topic) == 0, "the topic is unsubscribed upstream");
        Assert.Equal(0, Receiver.LocalSubscriberCount(topic));
        await Sender.SendAsync(topic, MessageAdded.New());

        // The topic starts afresh for a later subscriber, which gets only what is sent after it subscribed.
        var (later, laterSubscription) = await SubscribeAsync<MessageAdded>(Receiver, topic);
        using (laterSubscription)
        {
            Assert.Equal(1, await UpstreamSubscriptionsAsync(topic));
            var forLater = MessageAdded.New();
            await Sender.SendAsync(topic, forLater);
            Assert.Equal(forLater, await later.NextAsync());
        }
        Assert.Empty(first.Pending());
        Assert.Empty(second.Pending());
    }

    [Fact]
    public async Task Disposing_asynchronously_returns_once_the_topic_is_unsubscribed_upstream()
    {
        var topic = NewTopic("typing");
        var stream = await Receiver.SubscribeAsync<MessageAdded>(topic);
        Assert.Equal(1, await UpstreamSubscriptionsAsync(topic));

        // A resolver that subscribed but never got observed releases the subscription this way.
        await ((IAsyncDisposable)stream).DisposeAsync();

        Assert.Equal(0, await UpstreamSubscriptionsAsync(topic));
        Assert.Equal(0, Receiver.LocalSubscriberCount(topic));
    }

    [Fact]
    public async Task Completing_a_topic_completes_its_subscribers_and_no_others()
    {
        var topic = NewTopic("conversation");
        var otherTopic = NewTopic("conversation");
        var (first, firstSubscription) = await SubscribeAsync<MessageAdded>(Receiver, topic);
        var (second, secondSubscription) = await SubscribeAsync<MessageAdded>(Receiver, topic);
        var (other, otherSubscription) = await SubscribeAsync<MessageAdded>(Receiver, otherTopic);
        using var _ = otherSubscription;
        var beforeTheEnd = MessageAdded.New();

        await Sender.SendAsync(topic, beforeTheEnd);
        await Sender.CompleteAsync(topic);

        foreach (var observer in new[] { first, second })
        {
            Assert.Equal(beforeTheEnd, await observer.NextAsync());
            await observer.WaitForCompletionAsync();
        }
        await Eventually.TrueAsync(async () => await UpstreamSubscriptionsAsync(topic) == 0, "the completed topic is unsubscribed upstream");
        firstSubscription.Dispose();
        secondSubscription.Dispose();

        var forOther = MessageAdded.New();
        await Sender.SendAsync(otherTopic, forOther);
        Assert.Equal(forOther, await other.NextAsync());
        Assert.False(other.Completion.IsCompleted);
    }

    [Fact]
    public async Task An_event_of_another_shape_is_logged_and_skipped_and_the_subscription_goes_on()
    {
        var topic = NewTopic("messageAdded");
        var (observer, subscription) = await SubscribeAsync<MessageAdded>(Receiver, topic);
        using (subscription)
        {
            var valid = MessageAdded.New();

            await Sender.SendAsync(topic, "not a MessageAdded");
            await Sender.SendAsync(topic, valid);

            Assert.Equal(valid, await observer.NextAsync());
            Assert.True(Logs.Contains(LogLevel.Error, "not a MessageAdded"), Logs.Dump());
            Assert.False(observer.Completion.IsCompleted);
        }
    }

    [Fact]
    public async Task A_subscription_takes_one_observer()
    {
        var stream = await Receiver.SubscribeAsync<MessageAdded>(NewTopic("messageAdded"));
        using var subscription = stream.Subscribe(new RecordingObserver<MessageAdded>());

        Assert.Throws<InvalidOperationException>(() => stream.Subscribe(new RecordingObserver<MessageAdded>()));
    }

    [Fact]
    public async Task An_empty_topic_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Receiver.SubscribeAsync<MessageAdded>(" "));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Sender.SendAsync("", MessageAdded.New()));
    }
}
