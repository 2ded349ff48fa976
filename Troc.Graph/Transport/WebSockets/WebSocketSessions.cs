using System.Collections.Concurrent;
using System.Security.Claims;

namespace Troc.Graph.Transport.WebSockets;

/// <summary>
/// The acknowledged GraphQL sockets of this process and the users they speak for, so that whatever revokes a
/// user's access (logout everywhere, a suspended account, a reset password) can close their open sockets too.
/// Each replica knows only its own sockets: a revocation must reach every replica (through the event bus).
/// </summary>
public sealed class WebSocketSessions
{
    private readonly ConcurrentDictionary<Registration, byte> _open = new();

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

    internal IDisposable Register(ClaimsPrincipal user, Action<SocketClosure> close)
    {
        var registration = new Registration(this, user, close);
        _open.TryAdd(registration, 0);
        return registration;
    }

    private sealed class Registration(WebSocketSessions sessions, ClaimsPrincipal user, Action<SocketClosure> close) : IDisposable
    {
        public ClaimsPrincipal User => user;

        public void Close(SocketClosure closure) => close(closure);

        public void Dispose() => sessions._open.TryRemove(this, out _);
    }
}
