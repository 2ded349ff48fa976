using Troc.Graph.Transport.Execution;

namespace Troc.Graph.Transport.Http.Errors;

/// <summary>A batch whose operations, each within the limits, add up to more than one request may cost.</summary>
public sealed class BatchTooComplexError(double complexity, int maxComplexity) : HttpTransportError(
    LimitCodes.MaxComplexityExceeded,
    $"The batch's operations have an estimated complexity of {complexity:0} together; at most {maxComplexity} is allowed " +
    "for one request, batch or not. Send fewer operations per batch, or ask each for less.")
{
    public override int StatusCode => StatusCodes.Status400BadRequest;
}
