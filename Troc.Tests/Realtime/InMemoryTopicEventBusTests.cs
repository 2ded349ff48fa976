using Microsoft.Extensions.Logging;
using Troc.Graph.Realtime;

namespace Troc.Tests.Realtime;

public sealed class InMemoryTopicEventBusTests : TopicEventBusBehaviour
{
    public override Task InitializeAsync()
    {
        Sender = Receiver = new InMemoryTopicEventBus(Logs.For<InMemoryTopicEventBus>());
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync() => await Sender.DisposeAsync();

    // In memory there is no upstream: the topic counts as subscribed while it has local subscribers.
    protected override Task<long> UpstreamSubscriptionsAsync(string topic) =>
        Task.FromResult(Receiver.LocalSubscriberCount(topic) > 0 ? 1L : 0L);

    [Fact]
    public async Task A_slow_subscriber_holds_back_neither_the_sender_nor_the_others_and_loses_its_oldest_events()
    {
        await using var bus = new InMemoryTopicEventBus(Logs.For<InMemoryTopicEventBus>(), subscriberBufferCapacity: 4);
        var topic = NewTopic("messageAdded");
        var slowIsStuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var unblock = new ManualResetEventSlim();
        var (slow, slowSubscription) = await SubscribeAsync<int>(bus, topic, onNext: value =>
        {
            if (value != 0) return;
            slowIsStuck.SetResult();
            unblock.Wait();
        });
        var (fast, fastSubscription) = await SubscribeAsync<int>(bus, topic);
        using var _ = slowSubscription;
        using var __ = fastSubscription;

        await bus.SendAsync(topic, 0);
        await slowIsStuck.Task.WaitAsync(RecordingObserver<int>.DefaultTimeout);
        Assert.Equal(0, await fast.NextAsync());
        // While the slow subscriber is stuck in its OnNext, sending goes on and the other one keeps up.
        for (var i = 1; i < 100; i++)
        {
            await bus.SendAsync(topic, i);
            Assert.Equal(i, await fast.NextAsync());
        }

        unblock.Set();
        // It keeps the four newest (its buffer): 1 to 95 were dropped.
        Assert.Equal([0, 96, 97, 98, 99], await slow.NextAsync(5));
        Assert.True(Logs.Contains(LogLevel.Warning, "too slow"), Logs.Dump());
    }

    [Fact]
    public async Task Disposing_the_bus_completes_its_subscribers()
    {
        var bus = new InMemoryTopicEventBus(Logs.For<InMemoryTopicEventBus>());
        var (observer, subscription) = await SubscribeAsync<MessageAdded>(bus, NewTopic("messageAdded"));
        using var _ = subscription;

        await bus.DisposeAsync();

        await observer.WaitForCompletionAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await bus.SubscribeAsync<MessageAdded>("messageAdded:1"));
    }

    [Fact]
    public async Task Concurrent_senders_and_subscribers_lose_nothing()
    {
        var topic = NewTopic("messageAdded");
        var subscribers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SubscribeAsync<int>(Receiver, topic)));
        // Subscribers coming and going on the same topic meanwhile must not disturb the others.
        var churn = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                var (_, subscription) = await SubscribeAsync<int>(Receiver, topic);
                subscription.Dispose();
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++) await Sender.SendAsync(topic, sender * 1000 + i);
        })));
        await churn;

        foreach (var (observer, subscription) in subscribers)
        {
            var received = await observer.NextAsync(200);
            // Each sender's events stay in its order, whatever the interleaving.
            for (var sender = 0; sender < 4; sender++)
                Assert.Equal(Enumerable.Range(sender * 1000, 50), received.Where(value => value / 1000 == sender));
            subscription.Dispose();
        }
        await Eventually.TrueAsync(() => Receiver.LocalSubscriberCount(topic) == 0, "every subscriber left");
    }
}
