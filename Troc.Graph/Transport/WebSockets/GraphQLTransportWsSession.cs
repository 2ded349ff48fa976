using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Troc.Graph.Transport.Execution;
using Types = Troc.Graph.Transport.WebSockets.TransportWsProtocol.MessageTypes;

namespace Troc.Graph.Transport.WebSockets;

/// <summary>
/// The <c>graphql-transport-ws</c> protocol on one socket: initialisation (timeout, single init, authentication,
/// the member's socket limit), ping/pong, and the operations started by <c>subscribe</c>. Queries and mutations answer
/// with one <c>next</c> and a <c>complete</c>; subscriptions with a <c>next</c> per event. Every operation runs in a DI
/// scope of its own, under the socket's principal, and none outlives the socket. Operations count against the request
/// limit of the client address like HTTP requests, and a socket runs a bounded number at once. The socket lives no
/// longer than its credentials: it closes with 4403 when its access token expires or its session ends.
/// </summary>
internal sealed class GraphQLTransportWsSession(
    WebSocketConnection connection,
    HttpContext httpContext,
    GraphQLWebSocketOptions options,
    IWebSocketAuthenticator authenticator,
    GraphQLRequestExecutor executor,
    IGraphQLTextSerializer serializer,
    IServiceScopeFactory scopeFactory,
    WebSocketSessions sessions,
    TimeProvider clock,
    ILogger logger) : IWebSocketMessageHandler
{
    /// <summary>Operations by id, from the moment their id is reserved until their last message.</summary>
    private readonly ConcurrentDictionary<string, SocketOperation> _operations = new();

    /// <summary>Every operation task still running, stopped or not: the socket waits for all of them.</summary>
    private readonly ConcurrentDictionary<SocketOperation, Task> _running = new();

    private int _initReceived;

    /// <summary>Set when the connection is acknowledged; null before.</summary>
    private ClaimsPrincipal? _user;

    /// <summary>This socket's entry among the open sessions, from the ack on.</summary>
    private IDisposable? _registration;

    public void OnOpened()
    {
        if (options.ConnectionInitTimeout > TimeSpan.Zero) _ = CloseUnlessInitialisedAsync(options.ConnectionInitTimeout);
    }

    public async Task OnMessageAsync(ReadOnlyMemory<byte> data)
    {
        ClientMessage message;
        try
        {
            message = ClientMessage.Parse(data);
        }
        catch (InvalidMessageException invalid)
        {
            connection.Close(SocketClosure.BadRequest(invalid.Message));
            return;
        }

        switch (message.Type)
        {
            case Types.ConnectionInit:
                await InitialiseAsync(message.Payload);
                break;
            case Types.Ping:
                Send(ServerMessages.Pong(message.Payload));
                break;
            case Types.Pong:
                // The answer to our keep-alive, or a client's unsolicited heartbeat: nothing to do.
                break;
            case Types.Subscribe:
                Subscribe(message.Id!, message.Payload!.Value);
                break;
            case Types.Complete:
                // An unknown id is an operation that already ended: PROTOCOL.md says to ignore it.
                if (_operations.TryRemove(message.Id!, out var operation)) operation.Stop();
                break;
        }
    }

    public async ValueTask OnClosedAsync()
    {
        _registration?.Dispose();
        foreach (var operation in _operations.Values)
        {
            try
            {
                operation.Stop();
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Stopping GraphQL WebSocket operation {Id} failed", operation.Id);
            }
        }
        _operations.Clear();
        // No operation outlives its socket: wait until each has unsubscribed and disposed its scope.
        await Task.WhenAll(_running.Values);
    }

    private async Task InitialiseAsync(JsonElement? payload)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) != 0)
        {
            connection.Close(SocketClosure.TooManyInitialisationRequests);
            return;
        }
        var authentication = await authenticator.AuthenticateAsync(httpContext, payload, connection.Closing);
        if (authentication.Principal is not { } principal)
        {
            connection.Close(SocketClosure.Forbidden);
            return;
        }
        _registration = sessions.TryRegister(principal, connection.Close);
        if (_registration is null)
        {
            logger.LogInformation("WebSocket refused: member {Member} holds {Max} sockets already", principal.Identity?.Name, options.MaxSocketsPerMember);
            connection.Close(SocketClosure.TooManySocketsForMember);
            return;
        }
        Volatile.Write(ref _user, principal);
        Send(ServerMessages.ConnectionAck());
        // Only after the ack: older graphql-ws clients reject any first message other than connection_ack.
        if (options.KeepAliveInterval is { } interval && interval > TimeSpan.Zero) _ = KeepAliveAsync(interval);
        if (authentication.ExpiresAt is { } expiresAt) _ = CloseAtExpiryAsync(expiresAt);
    }

    private void Subscribe(string id, JsonElement payload)
    {
        if (Volatile.Read(ref _user) is not { } user)
        {
            connection.Close(SocketClosure.Unauthorized);
            return;
        }
        GraphQLRequest request;
        try
        {
            request = serializer.ReadNode<GraphQLRequest>(payload)
                ?? throw new InvalidMessageException("Invalid message received: empty 'subscribe' payload");
        }
        catch (Exception error) when (error is JsonException or InvalidMessageException)
        {
            connection.Close(SocketClosure.BadRequest("Invalid message received: unreadable 'subscribe' payload"));
            return;
        }

        // The id is reserved here, before anything awaits, so a duplicate arriving next always sees it.
        var operation = new SocketOperation(id, connection.Closing);
        if (!_operations.TryAdd(id, operation))
        {
            operation.Dispose();
            connection.Close(SocketClosure.SubscriberAlreadyExists(id));
            return;
        }
        if (Refusal() is { } refusal)
        {
            _operations.TryRemove(new KeyValuePair<string, SocketOperation>(id, operation));
            operation.Dispose();
            Send(ServerMessages.Error(id, [refusal]));
            return;
        }
        // Off the receive loop: a long operation must not hold up pings or a `complete` for it.
        var execution = Task.Run(() => ExecuteAsync(operation, request, user));
        _running[operation] = execution;
        _ = execution.ContinueWith(_ => _running.TryRemove(operation, out Task? _), TaskScheduler.Default);
    }

    /// <summary>Why a new operation may not start: the socket's operation limit, or the address's request limit.</summary>
    private ExecutionError? Refusal()
    {
        // The new operation's reservation is counted in.
        if (_operations.Count > options.MaxOperationsPerSocket)
            return new TooManyOperationsError(options.MaxOperationsPerSocket);
        return OperationRateLimit.TryAcquire(httpContext, operations: 1) is { } retryAfter
            ? new OperationRateLimitedError(retryAfter)
            : null;
    }

    private async Task ExecuteAsync(SocketOperation operation, GraphQLRequest request, ClaimsPrincipal user)
    {
        try
        {
            // One scope per operation: its scoped services (per-request loaders, DbContexts) are never shared
            // with another operation of the same socket, and are disposed once it ends.
            await using var scope = scopeFactory.CreateAsyncScope();
            var result = await executor.ExecuteAsync(request, user, scope.ServiceProvider, operation.Cancellation);
            if (result.Streams is { Count: > 0 } streams)
            {
                // Validation allows a subscription exactly one root field, hence exactly one stream.
                await StreamAsync(operation, streams.Values.Single());
            }
            else if (!result.Executed)
            {
                // Parse, validation or variable errors: the request never ran, so `error` and no `complete`.
                Finish(operation, ServerMessages.Error(operation.Id, result.Errors ?? []));
            }
            else
            {
                Deliver(operation, ServerMessages.Next(operation.Id, result));
                Finish(operation, ServerMessages.Complete(operation.Id));
            }
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
            // Completed by the client or cut by the socket closing: nobody is waiting for an answer.
        }
        catch (Exception error)
        {
            logger.LogError(error, "GraphQL WebSocket operation {Id} failed", operation.Id);
            Finish(operation, ServerMessages.Error(operation.Id, [new UnexpectedFaultError(null)]));
        }
        finally
        {
            // Only this operation's own reservation: the client may already reuse the id for a new one.
            _operations.TryRemove(new KeyValuePair<string, SocketOperation>(operation.Id, operation));
            operation.Dispose();
        }
    }

    /// <summary>Relays the event stream until it ends or the operation is stopped; unsubscribes either way.</summary>
    private async Task StreamAsync(SocketOperation operation, IObservable<ExecutionResult> stream)
    {
        try
        {
            operation.Attach(stream.Subscribe(new OperationObserver(this, operation)));
            await operation.Ended;
        }
        finally
        {
            operation.DisposeSubscription();
        }
    }

    private void Deliver(SocketOperation operation, OperationMessage message)
    {
        var text = serializer.Serialize(message);
        operation.TryDeliver(() => connection.Send(text));
    }

    private void Finish(SocketOperation operation, OperationMessage lastMessage)
    {
        var text = serializer.Serialize(lastMessage);
        operation.TryFinish(() =>
        {
            // Released before the last message leaves, so a client that reuses the id as soon as it reads
            // `complete` can never find it still taken (4409).
            _operations.TryRemove(new KeyValuePair<string, SocketOperation>(operation.Id, operation));
            connection.Send(text);
        });
    }

    private void Send(OperationMessage message) => connection.Send(serializer.Serialize(message));

    private async Task CloseUnlessInitialisedAsync(TimeSpan timeout)
    {
        try
        {
            await Task.Delay(timeout, connection.Closing);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (Volatile.Read(ref _initReceived) == 0) connection.Close(SocketClosure.ConnectionInitialisationTimeout);
    }

    /// <summary>
    /// Closes the socket when its access token expires, as HTTP would refuse the token from then on. 4403 makes a
    /// graphql-ws client reconnect, asking its connectionParams for credentials again.
    /// </summary>
    private async Task CloseAtExpiryAsync(DateTimeOffset expiresAt)
    {
        // Task.Delay takes at most about 49 days at once; tokens live minutes, but a setting might say otherwise.
        var longestWait = TimeSpan.FromDays(30);
        try
        {
            TimeSpan remaining;
            while ((remaining = expiresAt - clock.GetUtcNow()) > TimeSpan.Zero)
                await Task.Delay(remaining < longestWait ? remaining : longestWait, clock, connection.Closing);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        connection.Close(SocketClosure.AccessTokenExpired);
    }

    private async Task KeepAliveAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(connection.Closing)) Send(ServerMessages.Ping());
        }
        catch (OperationCanceledException)
        {
            // The socket closed.
        }
    }

    /// <summary>
    /// Turns the engine's event stream into messages. GraphQL.NET already resolves each event (in its own DI
    /// scope, see WebSocketsRegistration) and calls this observer one event at a time, in order.
    /// </summary>
    private sealed class OperationObserver(GraphQLTransportWsSession session, SocketOperation operation) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => session.Deliver(operation, ServerMessages.Next(operation.Id, value));

        public void OnError(Exception error)
        {
            // The engine hands stream failures over as ExecutionErrors already shaped by its error handling.
            var executionError = error as ExecutionError ?? new ExecutionError("The event stream failed.", error);
            session.Finish(operation, ServerMessages.Error(operation.Id, [executionError]));
        }

        public void OnCompleted() => session.Finish(operation, ServerMessages.Complete(operation.Id));
    }
}
