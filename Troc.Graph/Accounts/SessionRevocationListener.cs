using Troc.Graph.Realtime;
using Troc.Graph.Transport.Authorization;
using Troc.Graph.Transport.WebSockets;

namespace Troc.Graph.Accounts;

/// <summary>
/// On every replica: closes the local WebSockets of a user whose sessions were revoked anywhere (4403, as for a
/// refused token, so that a graphql-ws client reconnects with fresh credentials or signs in again).
/// </summary>
internal sealed class SessionRevocationListener(
    ITopicEventReceiver events, WebSocketSessions sockets, ILogger<SessionRevocationListener> logger) : IHostedService, IAsyncDisposable
{
    private IDisposable? _subscription;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var revocations = await events.SubscribeAsync<UserSessionsRevoked>(SessionRevocations.Topic, cancellationToken);
        _subscription = revocations.Subscribe(new Observer(this));
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _subscription = null;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Close(UserSessionsRevoked revoked)
    {
        var closed = sockets.CloseWhere(
            user => user.UserId() == revoked.UserId && revoked.Covers(user.SessionIdOf()),
            SocketClosure.Forbidden);
        if (closed > 0) logger.LogInformation("Closed {Count} WebSocket(s) of user {UserId} after their sessions were revoked", closed, revoked.UserId);
    }

    private void StreamFailed(Exception error) =>
        logger.LogError(error, "The session revocation stream failed; revoked users' sockets stay open until they reconnect");

    private sealed class Observer(SessionRevocationListener listener) : IObserver<UserSessionsRevoked>
    {
        public void OnNext(UserSessionsRevoked value) => listener.Close(value);

        public void OnError(Exception error) => listener.StreamFailed(error);

        public void OnCompleted() { }
    }
}
