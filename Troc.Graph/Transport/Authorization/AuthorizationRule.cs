using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Troc.Graph.Transport.Authorization;

/// <summary>
/// Enforces the policies declared on fields and types (GraphQL.NET only stores them as metadata) before anything
/// executes: one refused field rejects the whole operation with AUTH_NOT_AUTHENTICATED or AUTH_NOT_AUTHORIZED
/// and no data. Walks only the operation being run, through its fragments, honouring @skip/@include; runs for
/// cached documents too, since the verdict depends on who asks, not on the document.
/// </summary>
public sealed class AuthorizationRule : IValidationRule
{
    public const string NotAuthenticatedCode = "AUTH_NOT_AUTHENTICATED";
    public const string NotAuthorizedCode = "AUTH_NOT_AUTHORIZED";

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => default;

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    // After variables are parsed, so that @skip(if: $var) and @include(if: $var) can be honoured.
    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        var root = context.Operation.Operation switch
        {
            OperationType.Query => context.Schema.Query,
            OperationType.Mutation => context.Schema.Mutation,
            OperationType.Subscription => context.Schema.Subscription,
            _ => null,
        };
        if (root is not null)
            new Walker(context, context.User).Walk(root, context.Operation.SelectionSet);
        return default;
    }

    private sealed class Walker(ValidationContext context, ClaimsPrincipal? user)
    {
        private readonly HashSet<string> _visitedFragments = [];
        private readonly HashSet<object> _reported = [];

        public void Walk(IGraphType parent, GraphQLSelectionSet selectionSet)
        {
            Check(parent, parent.Name, selectionSet);
            foreach (var selection in selectionSet.Selections)
            {
                if (!context.ShouldIncludeNode(selection)) continue;
                switch (selection)
                {
                    case GraphQLField field:
                        VisitField(parent, field);
                        break;
                    case GraphQLInlineFragment inline:
                        Walk(inline.TypeCondition is { } condition ? TypeNamed(condition.Type.Name.StringValue) ?? parent : parent, inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread:
                        var name = spread.FragmentName.Name.StringValue;
                        if (!_visitedFragments.Add(name)) break;
                        var fragment = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                            .FirstOrDefault(f => f.FragmentName.Name.StringValue == name);
                        if (fragment is not null && TypeNamed(fragment.TypeCondition.Type.Name.StringValue) is { } type)
                            Walk(type, fragment.SelectionSet);
                        break;
                }
            }
        }

        private void VisitField(IGraphType parent, GraphQLField node)
        {
            if (parent is not IComplexGraphType complex) return;
            var name = node.Name.StringValue;
            if (name.StartsWith("__", StringComparison.Ordinal)) return; // introspection is public
            var field = complex.GetField(name);
            if (field is null) return; // other rules report unknown fields
            Check(field, $"{parent.Name}.{name}", node);
            var returned = field.ResolvedType?.GetNamedType();
            if (returned is null) return;
            if (node.SelectionSet is { } selectionSet) Walk(returned, selectionSet);
            else Check(returned, returned.Name, node);
        }

        private IGraphType? TypeNamed(string name) => context.Schema.AllTypes[name];

        private void Check(IMetadataReader element, string elementName, ASTNode node)
        {
            if (!element.IsAuthorizationRequired() || _reported.Contains(element)) return;
            var policies = element.GetPolicies() ?? [];
            var roles = element.GetRoles() ?? [];
            var verdict = AuthorizationVerdict.Allowed;
            // `.Authorize()` alone means "signed in".
            if (policies.Count == 0 && roles.Count == 0) verdict = Policies.Evaluate(Policies.SignedIn, user);
            foreach (var policy in policies)
                verdict = Worst(verdict, Policies.Evaluate(policy, user));
            if (roles.Count > 0)
                verdict = Worst(verdict, user?.Identity?.IsAuthenticated != true ? AuthorizationVerdict.NotAuthenticated
                    : roles.Any(r => user.HasClaim(TrocClaims.Role, r)) ? AuthorizationVerdict.Allowed : AuthorizationVerdict.NotAuthorized);
            if (verdict == AuthorizationVerdict.Allowed) return;

            _reported.Add(element);
            var (code, message) = verdict == AuthorizationVerdict.NotAuthenticated
                ? (NotAuthenticatedCode, $"Sign in to use `{elementName}`.")
                : (NotAuthorizedCode, $"You are not allowed to use `{elementName}`{Requirement(policies)}.");
            context.ReportError(new AuthorizationError(context.Document.Source, message, node) { Code = code });
        }

        private static string Requirement(IReadOnlyCollection<string> policies) =>
            policies.Count == 0 ? "" : $" (requires: {string.Join(", ", policies)})";

        private static AuthorizationVerdict Worst(AuthorizationVerdict a, AuthorizationVerdict b) => (AuthorizationVerdict)Math.Max((int)a, (int)b);
    }
}

/// <summary>A refused field; its `extensions.code` is AUTH_NOT_AUTHENTICATED or AUTH_NOT_AUTHORIZED.</summary>
public sealed class AuthorizationError(GraphQLParser.ROM source, string message, ASTNode node)
    : ValidationError(source, null, message, node);
