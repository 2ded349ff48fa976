namespace Troc.Graph.Transport.Http.Errors;

public sealed class BatchTooLargeError(int size, int maxBatchSize) : BadRequestError(
    $"The batch holds {size} operations; at most {maxBatchSize} are allowed in one request. Split it into smaller batches.");
