using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;

namespace Troc.Graph.Transport.Authorization;

/// <summary>
/// Adds <see cref="AuthorizationRule"/> to every execution, including those whose document comes from a cache
/// (the verdict depends on who asks, not on the document). Registered as an <see cref="IConfigureExecution"/>
/// rather than through a second AddGraphQL call, which would register the engine's defaults twice.
/// </summary>
internal sealed class AuthorizationRuleInstaller(AuthorizationRule rule) : IConfigureExecution
{
    public float SortOrder => 100;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        options.ValidationRules = (options.ValidationRules ?? DocumentValidator.CoreRules).Append(rule);
        options.CachedDocumentValidationRules = (options.CachedDocumentValidationRules ?? []).Append(rule);
        return next(options);
    }
}
