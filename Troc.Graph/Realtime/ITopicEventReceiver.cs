namespace Troc.Graph.Realtime;

/// <summary>Subscribes to named topics (the shape of HotChocolate's <c>ITopicEventReceiver</c>).</summary>
public interface ITopicEventReceiver
{
    /// <summary>
    /// Subscribes to <paramref name="topic"/> and returns once the subscription is live everywhere (with Redis:
    /// once the server acknowledged it), so an event sent after this returns is delivered. That ordering is
    /// what lets a resolver subscribe first and then query what it missed.
    /// </summary>
    /// <remarks>
    /// The result is the exact type a GraphQL.NET subscription resolver returns, type-first included
    /// (<c>ValueTask&lt;IObservable&lt;T&gt;&gt;</c> with a class <typeparamref name="TMessage"/>). It accepts one
    /// observer; disposing the <see cref="IDisposable"/> that <c>Subscribe</c> returns ends the subscription,
    /// and the last local subscriber of a topic leaving unsubscribes the topic from Redis. It is also an
    /// <see cref="IAsyncDisposable"/>, for a caller that ends up never observing it. Each subscriber has a bounded
    /// buffer: when it falls behind, its oldest pending events are dropped (and logged), so one slow client
    /// never holds back the sender or other subscribers. Events that do not deserialize as
    /// <typeparamref name="TMessage"/> are logged and skipped.
    /// </remarks>
    /// <exception cref="ArgumentException">The topic is empty.</exception>
    ValueTask<IObservable<TMessage>> SubscribeAsync<TMessage>(string topic, CancellationToken cancellationToken = default);
}
