using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Troc.Graph.Transport.Authorization;
using Troc.Tests.Infrastructure;
using Troc.Tests.Users;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Authorization;

public sealed class TrocSchemaPolicyTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public void Every_policy_named_in_the_schema_exists()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var named = schema.AllTypes
            .SelectMany(t => t is IComplexGraphType complex ? complex.Fields.Cast<IMetadataReader>().Append(t) : [t])
            .SelectMany(element => element.GetPolicies() ?? [])
            .Distinct()
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, policy => Assert.Contains(policy, Policies.All));
    }

    [Fact]
    public async Task An_admin_mutation_refuses_members_and_anonymous_callers_before_running()
    {
        var client = app.CreateGraphQLClient();
        var victim = await RegisterAsync(client);
        var member = await RegisterAsync(client);

        var byMember = await client.As(member.AccessToken).PostAsync(SuspendUser, new { input = new { userId = victim.UserId, reason = "test" } });
        var byAnonymous = await client.As(null).PostAsync(SuspendUser, new { input = new { userId = victim.UserId, reason = "test" } });

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], GraphQLErrorCodes(byMember));
        Assert.Null(byMember.Json["data"]);
        byMember.MatchSnapshot(name: "member");
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], GraphQLErrorCodes(byAnonymous));
        Assert.Null(byAnonymous.Json["data"]);
        byAnonymous.MatchSnapshot(name: "anonymous");
        // Nothing ran: the victim still signs in.
        await LoginAsync(client, victim.Email, victim.Password);
    }

    [Fact]
    public async Task An_admin_promoted_in_the_database_is_recognised_on_the_next_request()
    {
        var client = app.CreateGraphQLClient();
        var victim = await RegisterAsync(client);
        var admin = await RegisterAsync(client);
        await AccountDatabase.PromoteToAdminAsync(app, admin.UserId);

        var response = await client.As(admin.AccessToken).PostAsync(SuspendUser, new { input = new { userId = victim.UserId, reason = "Spam" } });

        Assert.Empty(response.EnsureNoErrors().Data!["suspendUser"]!["errors"]!.AsArray());
        var unknown = await client.PostAsync(SuspendUser, new { input = new { userId = "bogus", reason = "Spam" } });
        Assert.Equal("userId", Str(unknown.EnsureNoErrors().Data!["suspendUser"]!["errors"]![0]!["field"]));
    }
}

public sealed class CachedDocumentAuthorizationTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public async Task A_document_cached_for_an_admin_is_still_refused_to_a_member()
    {
        var client = app.CreateGraphQLClient();
        var admin = await RegisterAsync(client);
        var member = await RegisterAsync(client);
        await AccountDatabase.PromoteToAdminAsync(app, admin.UserId);
        var variables = new { input = new { userId = "unknown", reason = "test" } };

        var byAdmin = await client.As(admin.AccessToken).PostAsync(SuspendUser, variables);
        var byMember = await client.As(member.AccessToken).PostAsync(SuspendUser, variables);
        var byAdminAgain = await client.As(admin.AccessToken).PostAsync(SuspendUser, variables);

        byAdmin.EnsureNoErrors();
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], GraphQLErrorCodes(byMember));
        byAdminAgain.EnsureNoErrors();
    }
}
