namespace Troc.Graph.Transport.Http.Errors;

/// <summary>
/// A browser may post multipart/form-data cross-site without a CORS preflight; requiring a custom header forces one,
/// so another site cannot make a signed-in user's browser upload or mutate (CSRF).
/// </summary>
public sealed class PreflightRequiredError() : HttpTransportError(
    "CSRF_PREFLIGHT_REQUIRED",
    $"multipart/form-data requests must carry the header '{GraphQLMediaTypes.PreflightHeader}: 1' (CSRF protection).")
{
    public override int StatusCode => StatusCodes.Status400BadRequest;
}
