namespace Troc.Graph.Transport.Http.Errors;

/// <summary>A GraphQL multipart request that breaks the spec (github.com/jaydenseric/graphql-multipart-request-spec).</summary>
public sealed class MalformedMultipartError(string message) : BadRequestError(message);
