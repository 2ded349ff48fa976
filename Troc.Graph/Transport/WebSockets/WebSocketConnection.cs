using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Troc.Graph.Transport.WebSockets;

/// <summary>What a connection hands its messages to: one protocol session per socket.</summary>
internal interface IWebSocketMessageHandler
{
    /// <summary>Called once before the first message is read (starts timers).</summary>
    void OnOpened();

    /// <summary>Handles one complete message. Messages are handed over one at a time, in arrival order.</summary>
    Task OnMessageAsync(ReadOnlyMemory<byte> message);

    /// <summary>Called once when the socket is done, whoever closed it; nothing may outlive this call.</summary>
    ValueTask OnClosedAsync();
}

/// <summary>
/// One WebSocket: a receive loop that enforces the message size limit and hands whole messages to a handler, and a
/// single writer that drains one ordered queue. WebSocket allows only one send at a time, and subscription events
/// arrive from many threads: everything outgoing, close frames included, goes through the queue.
/// </summary>
internal sealed class WebSocketConnection(WebSocket socket, GraphQLWebSocketOptions options, ILogger logger)
{
    // The RFC 6455 limit on a close reason, in UTF-8 bytes.
    private const int MaxCloseReasonBytes = 123;

    private readonly Channel<OutgoingFrame> _outgoing = Channel.CreateUnbounded<OutgoingFrame>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationTokenSource _receiveAbort = new();
    private int _closeRequested;

    /// <summary>Cancelled as soon as either side starts closing or the socket fails: operations stop on it.</summary>
    public CancellationToken Closing => _closing.Token;

    /// <summary>Queues a text message; false once the connection is closing (the message is dropped).</summary>
    public bool Send(string text) =>
        Volatile.Read(ref _closeRequested) == 0 && _outgoing.Writer.TryWrite(OutgoingFrame.Text(text));

    /// <summary>
    /// Queues the close frame behind the messages already queued, and refuses anything sent after it. The first
    /// close wins: a later one (say, a protocol error racing the init timeout) changes nothing.
    /// </summary>
    public void Close(SocketClosure closure)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) != 0) return;
        _outgoing.Writer.TryWrite(OutgoingFrame.Close(closure.Code, LimitReason(closure.Reason)));
        _outgoing.Writer.TryComplete();
        try
        {
            // The peer gets a bounded time to answer our close frame; then the receive loop gives up on it.
            _receiveAbort.CancelAfter(options.CloseHandshakeTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The socket is already done.
        }
        SignalClosing();
    }

    /// <summary>Runs the socket until it closes; returns only once every operation has stopped and the writer is done.</summary>
    public async Task RunAsync(IWebSocketMessageHandler handler, CancellationToken requestAborted)
    {
        var abortOnRequestAborted = requestAborted.Register(() => _receiveAbort.Cancel());
        var writer = Task.Run(WriteLoopAsync);
        try
        {
            handler.OnOpened();
            await ReceiveLoopAsync(handler);
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The peer vanished, the request was aborted, or the close handshake timed out: nothing to tell anyone.
            logger.LogDebug(error, "WebSocket receive loop ended: {Reason}", error.Message);
        }
        finally
        {
            SignalClosing();
            await handler.OnClosedAsync();
            _outgoing.Writer.TryComplete();
            await writer;
            if (socket.State is not (WebSocketState.Closed or WebSocketState.Aborted)) socket.Abort();
            // Unregistered first, so that a request aborted from now on cannot cancel a disposed source.
            abortOnRequestAborted.Dispose();
            _receiveAbort.Dispose();
        }
    }

    private async Task ReceiveLoopAsync(IWebSocketMessageHandler handler)
    {
        const int usualMessageBytes = 16 * 1024;
        var buffer = new ArrayBufferWriter<byte>(usualMessageBytes);
        while (true)
        {
            // One large document must not pin a megabyte for the rest of a long-lived socket's life.
            if (buffer.Capacity > 4 * usualMessageBytes) buffer = new ArrayBufferWriter<byte>(usualMessageBytes);
            buffer.ResetWrittenCount();
            var tooBig = false;
            ValueWebSocketReceiveResult result;
            do
            {
                // Past the limit, the rest of the message is read into a scratch area and dropped.
                var target = tooBig ? buffer.GetMemory(4096)[..4096] : buffer.GetMemory(4096);
                result = await socket.ReceiveAsync(target, _receiveAbort.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                if (tooBig) continue;
                buffer.Advance(result.Count);
                if (buffer.WrittenCount > options.MaxMessageBytes)
                {
                    tooBig = true;
                    Close(SocketClosure.MessageTooBig);
                }
            } while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                // Answer the peer's close with its own code, as RFC 6455 suggests; a no-op if we closed first.
                Close(new SocketClosure((int)(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), socket.CloseStatusDescription ?? ""));
                return;
            }
            // Once closing, the peer's remaining messages are read only to reach its close frame.
            if (tooBig || Volatile.Read(ref _closeRequested) != 0) continue;
            try
            {
                // Text and binary alike carry JSON: graphql-ws's own server reads both as text.
                await handler.OnMessageAsync(buffer.WrittenMemory);
            }
            catch (Exception error)
            {
                // A bug in handling one message: say so and close, but still wait for the peer's close frame.
                logger.LogError(error, "Unexpected error handling a GraphQL WebSocket message");
                Close(SocketClosure.InternalServerError);
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var frame in _outgoing.Reader.ReadAllAsync())
            {
                if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) break;
                if (frame.CloseCode is { } code)
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, frame.Payload, _receiveAbort.Token);
                    break;
                }
                var bytes = Encoding.UTF8.GetBytes(frame.Payload);
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _receiveAbort.Token);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // A send that fails means the peer is gone: stop everything rather than queue into the void.
            logger.LogDebug(error, "WebSocket send failed: {Reason}", error.Message);
            SignalClosing();
            _receiveAbort.Cancel();
        }
    }

    private void SignalClosing()
    {
        try
        {
            _closing.Cancel();
        }
        catch (AggregateException error)
        {
            // Cancellation callbacks belong to operations; one failing must not stop the socket from closing.
            logger.LogWarning(error, "An operation failed while stopping on socket close");
        }
    }

    private static string LimitReason(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes) return reason;
        var cut = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, cut)) > MaxCloseReasonBytes - 3) cut--;
        // Never split a surrogate pair: the reason must stay valid UTF-8.
        if (cut > 0 && char.IsHighSurrogate(reason[cut - 1])) cut--;
        return string.Concat(reason.AsSpan(0, cut), "...");
    }

    private readonly record struct OutgoingFrame(string Payload, int? CloseCode)
    {
        public static OutgoingFrame Text(string text) => new(text, null);
        public static OutgoingFrame Close(int code, string reason) => new(reason, code);
    }
}
