namespace Troc.Graph.Realtime;

/// <summary>
/// Publishes events on named topics (the shape of HotChocolate's <c>ITopicEventSender</c>). Events carry ids
/// only: a subscriber reloads the entity through a loader, so authorization applies to every delivery.
/// </summary>
/// <remarks>
/// Delivery is at most once: a subscriber that is not connected when an event is sent (Redis outage, client
/// reconnecting) never sees it, so subscriptions that must not miss anything take a catch-up argument
/// (<c>messageAdded(conversationId, after)</c>).
/// </remarks>
public interface ITopicEventSender
{
    /// <summary>
    /// Sends <paramref name="message"/>, serialized with System.Text.Json, to every current subscriber of
    /// <paramref name="topic"/> in every process. Never waits for subscribers to consume it.
    /// </summary>
    /// <exception cref="ArgumentException">The topic is empty.</exception>
    /// <exception cref="StackExchange.Redis.RedisException">Redis could not take the message (outage longer than its timeout).</exception>
    ValueTask SendAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends <paramref name="topic"/> for every current subscriber in every process (their streams complete),
    /// e.g. when a conversation is deleted. Later subscribers of the same name start a fresh topic.
    /// </summary>
    ValueTask CompleteAsync(string topic, CancellationToken cancellationToken = default);
}
