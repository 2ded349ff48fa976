using System.Security.Claims;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using Troc.Graph.Transport.Authorization;

namespace Troc.Tests.Authorization;

/// <summary>The policy rule on a small schema, for what the Troc schema cannot show yet (type-level policies, EmailVerified).</summary>
public sealed class AuthorizationRuleTests
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private static readonly ClaimsPrincipal Member = Principal("Member", emailVerified: false);
    private static readonly ClaimsPrincipal VerifiedMember = Principal("Member", emailVerified: true);
    private static readonly ClaimsPrincipal Admin = Principal("Admin", emailVerified: true);

    private static ClaimsPrincipal Principal(string role, bool emailVerified) => new(new ClaimsIdentity(
        [new Claim(TrocClaims.Subject, Guid.NewGuid().ToString()), new Claim(TrocClaims.Role, role), new Claim(TrocClaims.EmailVerified, emailVerified ? "true" : "false")],
        "Bearer", TrocClaims.Subject, TrocClaims.Role));

    private static ISchema BuildSchema()
    {
        var secret = new ObjectGraphType { Name = "Secret" };
        secret.Field<StringGraphType>("value").Resolve(_ => "s3cr3t");
        secret.AuthorizeWithPolicy(Policies.Admin); // type-level: every field that returns a Secret needs Admin

        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("open").Resolve(_ => "open");
        query.Field<StringGraphType>("mine").Resolve(_ => "mine").AuthorizeWithPolicy(Policies.SignedIn);
        query.Field<StringGraphType>("trade").Resolve(_ => "trade").AuthorizeWithPolicy(Policies.EmailVerified);
        query.Field<StringGraphType>("moderation").Resolve(_ => "moderation").AuthorizeWithPolicy(Policies.Admin);
        query.Field<StringGraphType>("bare").Resolve(_ => "bare").Authorize();
        query.Field<StringGraphType>("misspelt").Resolve(_ => "misspelt").AuthorizeWithPolicy("Admn");
        query.Field("secret", secret).Resolve(_ => new object());
        return new GraphQL.Types.Schema { Query = query };
    }

    private static async Task<(ExecutionResult Result, string Json)> RunAsync(string query, ClaimsPrincipal user, object? variables = null)
    {
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = BuildSchema(),
            Query = query,
            User = user,
            Variables = variables is null ? null : new GraphQLSerializer().Deserialize<Inputs>(System.Text.Json.JsonSerializer.Serialize(variables)),
            ValidationRules = DocumentValidator.CoreRules.Append(new AuthorizationRule()),
        });
        return (result, new GraphQLSerializer().Serialize(result));
    }

    private static string[] Codes(ExecutionResult result) => result.Errors?.Select(e => e.Code ?? "").ToArray() ?? [];

    [Theory]
    [InlineData("{ open }", "anonymous", null)]
    [InlineData("{ mine }", "anonymous", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("{ mine }", "member", null)]
    [InlineData("{ bare }", "anonymous", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("{ bare }", "member", null)]
    [InlineData("{ trade }", "anonymous", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("{ trade }", "member", "AUTH_NOT_AUTHORIZED")]
    [InlineData("{ trade }", "verified", null)]
    [InlineData("{ moderation }", "verified", "AUTH_NOT_AUTHORIZED")]
    [InlineData("{ moderation }", "admin", null)]
    [InlineData("{ secret { value } }", "verified", "AUTH_NOT_AUTHORIZED")]
    [InlineData("{ secret { value } }", "admin", null)]
    [InlineData("{ misspelt }", "admin", "AUTH_NOT_AUTHORIZED")]
    public async Task Each_policy_admits_exactly_its_callers(string query, string who, string? expectedCode)
    {
        var user = who switch { "anonymous" => Anonymous, "member" => Member, "verified" => VerifiedMember, _ => Admin };

        var (result, json) = await RunAsync(query, user);

        if (expectedCode is null)
        {
            Assert.True(result.Errors is null or { Count: 0 }, json);
            return;
        }
        Assert.Equal([expectedCode], Codes(result));
        // Refused before execution: no data at all, not even the allowed fields.
        Assert.Null(result.Data);
        Assert.DoesNotContain("\"data\"", json);
        Assert.Contains($"\"code\":\"{expectedCode}\"", json);
    }

    [Fact]
    public async Task Fields_reached_through_fragments_are_checked_too()
    {
        var (viaSpread, _) = await RunAsync("query { open ...F } fragment F on Query { moderation }", VerifiedMember);
        var (viaInline, _) = await RunAsync("query { ... on Query { ... on Query { moderation } } }", VerifiedMember);
        var (viaNestedSpread, _) = await RunAsync("query { ...A } fragment A on Query { ...B } fragment B on Query { mine }", Anonymous);

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], Codes(viaSpread));
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], Codes(viaInline));
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], Codes(viaNestedSpread));
    }

    [Fact]
    public async Task Skipped_fields_and_other_operations_of_the_document_are_not_held_against_the_caller()
    {
        var (skipped, skippedJson) = await RunAsync("query($no: Boolean!) { open moderation @include(if: $no) mine @skip(if: true) }", Anonymous, new { no = false });
        var (included, _) = await RunAsync("query($yes: Boolean!) { open moderation @include(if: $yes) }", Anonymous, new { yes = true });
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = BuildSchema(),
            Query = "query Public { open } query Private { moderation }",
            OperationName = "Public",
            User = Anonymous,
            ValidationRules = DocumentValidator.CoreRules.Append(new AuthorizationRule()),
        });

        Assert.True(skipped.Errors is null or { Count: 0 }, skippedJson);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], Codes(included));
        Assert.True(result.Errors is null or { Count: 0 });
    }

    [Fact]
    public async Task Introspection_stays_public()
    {
        var (result, json) = await RunAsync("{ __typename __schema { queryType { name } } }", Anonymous);
        Assert.True(result.Errors is null or { Count: 0 }, json);
    }
}
