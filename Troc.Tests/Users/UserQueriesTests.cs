using Troc.Tests.Infrastructure;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Users;

public sealed class UserQueriesTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private const string UserById = "query($id: ID!) { user(id: $id) { id displayName memberSince email emailVerified } }";

    [Fact]
    public async Task Me_is_the_signed_in_member_with_private_fields_and_null_when_anonymous()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client, displayName: "Dominique");

        var me = await client.As(account.AccessToken).PostAsync(Me);
        var anonymous = await client.As(null).PostAsync(Me);

        var user = me.EnsureNoErrors().Data!["me"]!;
        Assert.Equal(account.Email, Str(user["email"]));
        Assert.Equal("MEMBER", Str(user["role"]));
        me.MatchSnapshot(o => o.IgnoreField("data.me.id").IgnoreField("data.me.email"));
        Assert.Null(anonymous.EnsureNoErrors().Data!["me"]);
    }

    [Fact]
    public async Task Others_see_the_public_profile_and_an_error_for_each_private_field()
    {
        var client = app.CreateGraphQLClient();
        var owner = await RegisterAsync(client, displayName: "Eugénie");
        var stranger = await RegisterAsync(client);

        var byStranger = await client.As(stranger.AccessToken).PostAsync(UserById, new { id = owner.UserId });
        var byAnonymous = await client.As(null).PostAsync(UserById, new { id = owner.UserId });
        var byOwner = await client.As(owner.AccessToken).PostAsync(UserById, new { id = owner.UserId });

        foreach (var response in new[] { byStranger, byAnonymous })
        {
            var user = response.Data!["user"]!;
            Assert.Equal("Eugénie", Str(user["displayName"]));
            Assert.Null(user["email"]);
            Assert.Null(user["emailVerified"]);
            Assert.Equal(["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"], GraphQLErrorCodes(response));
            Assert.Equal(["user.email", "user.emailVerified"],
                response.Errors!.Select(e => string.Join('.', e!["path"]!.AsArray().Select(p => p!.ToString()))).ToArray());
        }
        byStranger.MatchSnapshot(o => o.IgnoreField("data.user.id").IgnoreField("data.user.memberSince"));
        Assert.Equal(owner.Email, Str(byOwner.EnsureNoErrors().Data!["user"]!["email"]));

        await AccountDatabase.PromoteToAdminAsync(app, stranger.UserId);
        var byAdmin = await client.As(stranger.AccessToken).PostAsync(UserById, new { id = owner.UserId });
        Assert.Equal(owner.Email, Str(byAdmin.EnsureNoErrors().Data!["user"]!["email"]));
    }

    [Fact]
    public async Task Users_are_nodes_and_unknown_ids_give_null()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client, displayName: "Fanny");

        var node = await client.PostAsync("query($id: ID!) { node(id: $id) { __typename id ... on User { displayName } } }", new { id = account.UserId });
        var unknown = await client.PostAsync(UserById, new { id = Troc.Graph.Common.GlobalId.Encode("User", Guid.NewGuid().ToString("N")) });
        var wrongType = await client.PostAsync(UserById, new { id = Troc.Graph.Common.GlobalId.Encode("Category", 1) });

        Assert.Equal("User", Str(node.EnsureNoErrors().Data!["node"]!["__typename"]));
        Assert.Equal(account.UserId, Str(node.Data!["node"]!["id"]));
        Assert.Equal("Fanny", Str(node.Data["node"]!["displayName"]));
        Assert.Null(unknown.EnsureNoErrors().Data!["user"]);
        Assert.Null(wrongType.EnsureNoErrors().Data!["user"]);
    }
}
