using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Troc.Graph.Transport.WebSockets;

/// <summary>
/// The GraphQL sockets of this process: how many each client address holds open and each member has acknowledged (both
/// capped, see <see cref="GraphQLWebSocketOptions"/>), and the users they speak for, so that whatever revokes a user's
/// access (logout, logout everywhere, a suspended account, a reset password) can close their open sockets too. Each
/// replica knows only its own sockets: a revocation must reach every replica (through the event bus).
/// </summary>
public sealed class WebSocketSessions(IOptions<GraphQLWebSocketOptions> options)
{
    private readonly ConcurrentDictionary<Registration, byte> _open = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _socketsByAddress = [];
    private readonly Dictionary<string, int> _socketsByMember = [];

    /// <summary>Closes every socket whose user matches; returns how many were closed.</summary>
    public int CloseWhere(Func<ClaimsPrincipal, bool> userMatches, SocketClosure closure)
    {
        var closed = 0;
        foreach (var registration in _open.Keys)
        {
            if (!userMatches(registration.User)) continue;
            registration.Close(closure);
            closed++;
        }
        return closed;
    }

    /// <summary>Counts a new socket of the address; null when the address already holds as many as it may.</summary>
    internal IDisposable? TryOpen(string clientAddress) =>
        TryCount(_socketsByAddress, clientAddress, options.Value.MaxSocketsPerAddress);

    /// <summary>
    /// Registers an acknowledged socket under its user; null when the member already holds as many as they may.
    /// Anonymous sockets are counted per address only.
    /// </summary>
    internal IDisposable? TryRegister(ClaimsPrincipal user, Action<SocketClosure> close)
    {
        // The name is the member's id for Troc's tokens (their `sub` claim).
        var member = user.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
        var memberCount = member is null ? null : TryCount(_socketsByMember, member, options.Value.MaxSocketsPerMember);
        if (member is not null && memberCount is null) return null;
        var registration = new Registration(this, user, close, memberCount);
        _open.TryAdd(registration, 0);
        return registration;
    }

    private Counted? TryCount(Dictionary<string, int> counts, string key, int max)
    {
        lock (_gate)
        {
            var count = counts.GetValueOrDefault(key);
            if (count >= max) return null;
            counts[key] = count + 1;
        }
        return new Counted(this, counts, key);
    }

    private void Uncount(Dictionary<string, int> counts, string key)
    {
        lock (_gate)
        {
            if (counts.GetValueOrDefault(key) <= 1) counts.Remove(key);
            else counts[key]--;
        }
    }

    private sealed class Counted(WebSocketSessions sessions, Dictionary<string, int> counts, string key) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) sessions.Uncount(counts, key);
        }
    }

    private sealed class Registration(WebSocketSessions sessions, ClaimsPrincipal user, Action<SocketClosure> close, IDisposable? memberCount)
        : IDisposable
    {
        public ClaimsPrincipal User => user;

        public void Close(SocketClosure closure) => close(closure);

        public void Dispose()
        {
            sessions._open.TryRemove(this, out _);
            memberCount?.Dispose();
        }
    }
}
