using System.Text.Json;
using Troc.Graph.Transport.Http;

namespace Troc.Graph.Transport.Authorization;

/// <summary>
/// A request that presents credentials which do not check out is refused with 401, not served anonymously:
/// a client holding an expired token must learn it (and refresh), rather than receive a silently different answer.
/// </summary>
internal sealed class InvalidTokenResponse(RequestDelegate next)
{
    public const string FailureItemKey = "troc:access-token-failure";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true || !context.Request.Headers.Authorization.Any(v => !string.IsNullOrWhiteSpace(v)))
        {
            await next(context);
            return;
        }
        var check = context.Items[FailureItemKey] as AccessTokenCheck ?? AccessTokenCheck.Fail(AccessTokenFailure.Invalid);
        await RefusalCorsHeaders.ApplyAsync(context);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        GraphQLResponseHeaders.Apply(context.Response);
        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{check.Message}\"";
        var accepts = context.Request.Headers.Accept.ToString();
        context.Response.ContentType = accepts.Contains("application/graphql-response+json", StringComparison.OrdinalIgnoreCase)
            ? "application/graphql-response+json; charset=utf-8"
            : "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            errors = new[] { new { message = check.Message, extensions = new { code = check.Code } } },
        }, cancellationToken: context.RequestAborted);
    }
}
