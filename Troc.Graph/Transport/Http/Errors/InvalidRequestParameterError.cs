namespace Troc.Graph.Transport.Http.Errors;

/// <summary>A request parameter (query, variables, operationName, extensions) of the wrong JSON type.</summary>
public sealed class InvalidRequestParameterError(string message) : BadRequestError(message);
