namespace Troc.Graph.Transport.Http.Errors;

public sealed class EmptyBatchError() : BadRequestError(
    "The batch is empty: send a JSON array holding at least one request object, or a single request object.");
