using Microsoft.AspNetCore.Cors.Infrastructure;
using Troc.Graph.Transport.Http;

namespace Troc.Graph.Transport.Authorization;

/// <summary>
/// Refusals written before the /graphql branch (401 for a bad token, 429 for the request limit) still carry the
/// CORS headers of the GraphQL policy: without them a browser hides the status and body from the web app, which
/// then cannot tell "refresh your token" or "slow down" from a network failure.
/// </summary>
internal static class RefusalCorsHeaders
{
    public static async Task ApplyAsync(HttpContext context)
    {
        var services = context.RequestServices;
        if (services.GetService<ICorsPolicyProvider>() is not { } provider || services.GetService<ICorsService>() is not { } cors) return;
        if (await provider.GetPolicyAsync(context, GraphQLCors.PolicyName) is not { } policy) return;
        cors.ApplyResult(cors.EvaluatePolicy(context, policy), context.Response);
    }
}
