using Troc.Domain.Users;
using Troc.Graph.Realtime;

namespace Troc.Graph.Accounts;

/// <summary>
/// Tells every replica, through the event bus, that a user's sessions were revoked, so that WebSockets
/// authenticated in those sessions close (4403) wherever they are connected. HTTP needs no message: every
/// request re-checks its session.
/// </summary>
public sealed class SessionRevocations(ITopicEventSender events, ILogger<SessionRevocations> logger) : ISessionRevocationPublisher
{
    public const string Topic = "accounts.user-sessions-revoked";

    public Task PublishAsync(Guid userId, Guid? exceptSessionId, CancellationToken cancellationToken) =>
        SendAsync(new UserSessionsRevoked(userId, exceptSessionId), cancellationToken);

    /// <summary>One session ended (logout): only the sockets opened with its tokens close.</summary>
    public Task PublishSessionEndedAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken) =>
        SendAsync(new UserSessionsRevoked(userId, ExceptSessionId: null, OnlySessionId: sessionId), cancellationToken);

    private async Task SendAsync(UserSessionsRevoked revoked, CancellationToken cancellationToken)
    {
        try
        {
            await events.SendAsync(Topic, revoked, cancellationToken);
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            // The revocation itself is in PostgreSQL and HTTP honours it; only open sockets elsewhere linger,
            // and they are re-checked when they next authenticate.
            logger.LogError(exception, "Could not broadcast the revocation of user {UserId}'s sessions", revoked.UserId);
        }
    }
}

/// <summary>
/// Every session of <paramref name="UserId"/> but <paramref name="ExceptSessionId"/> (if any) has ended, or only
/// <paramref name="OnlySessionId"/> when it is given.
/// </summary>
public sealed record UserSessionsRevoked(Guid UserId, Guid? ExceptSessionId, Guid? OnlySessionId = null)
{
    public bool Covers(Guid? sessionId) =>
        OnlySessionId is { } only ? sessionId == only : ExceptSessionId is null || sessionId != ExceptSessionId;
}
