using Troc.Graph.Common;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Listings;

public static class ListingTestKit
{
    public const string ListingFields = """
        id title description condition status placeName openToAnyOffer isMine isFavorite favoriteCount createdAt updatedAt
        category { slug label } itemType { slug label } itemTypeChosenByOwner itemTypeConfidence
        wants { text scope itemTypes { itemType { slug } confidence } category { slug } confidence chosenByOwner } wantedCategories { slug }
        location { latitude longitude } owner { id displayName }
        """;

    public const string AnyError = "__typename ... on Error { code message } ... on InvalidInputError { field }";

    public static readonly string Create = $"mutation($input: CreateListingInput!) {{ createListing(input: $input) {{ listing {{ {ListingFields} exactLocation {{ latitude longitude }} }} errors {{ {AnyError} }} }} }}";
    public static readonly string Update = $"mutation($input: UpdateListingInput!) {{ updateListing(input: $input) {{ listing {{ {ListingFields} }} errors {{ {AnyError} }} }} }}";
    public const string CodedError = "__typename ... on Error { code message }";
    public static readonly string Archive = $"mutation($input: ArchiveListingInput!) {{ archiveListing(input: $input) {{ listing {{ id status }} errors {{ {CodedError} }} }} }}";
    public static readonly string Reactivate = $"mutation($input: ReactivateListingInput!) {{ reactivateListing(input: $input) {{ listing {{ id status }} errors {{ {CodedError} }} }} }}";
    public static readonly string Favorite = $"mutation($input: FavoriteListingInput!) {{ favoriteListing(input: $input) {{ listing {{ id isFavorite favoriteCount }} errors {{ {AnyError} }} }} }}";
    public static readonly string Unfavorite = $"mutation($input: UnfavoriteListingInput!) {{ unfavoriteListing(input: $input) {{ listing {{ id isFavorite favoriteCount }} errors {{ {CodedError} }} }} }}";
    public static readonly string Get = $"query($id: ID!) {{ listing(id: $id) {{ {ListingFields} }} }}";

    /// <summary>Place de la Comédie, Montpellier: exact enough that any leak of it in a response is unmistakable.</summary>
    public const double ExactLatitude = 43.608447;
    public const double ExactLongitude = 3.879923;

    public static string CategoryId(int id) => GlobalId.Encode("Category", id);

    public static string ItemTypeId(string slug) => GlobalId.Encode("ItemType", slug);

    /// <summary>Wants as createListing/updateListing take them, each read by Troc (no choice).</summary>
    public static object[] Wants(params string[] texts) => texts.Select(text => (object)new { text }).ToArray();

    /// <summary>A valid createListing input; override fields with a <c>with</c>-like dictionary merge.</summary>
    public static Dictionary<string, object?> ValidInput(Dictionary<string, object?>? overrides = null)
    {
        var input = new Dictionary<string, object?>
        {
            ["title"] = "Vélo de ville Peugeot",
            ["description"] = "Cadre 54, pneus neufs, révisé en mars.",
            ["categoryId"] = CategoryId(801),
            ["condition"] = "GOOD",
            ["wants"] = Wants("machine à café", "livres de SF"),
            ["wantedCategoryIds"] = new[] { CategoryId(701) },
            ["openToAnyOffer"] = false,
            ["location"] = new { latitude = ExactLatitude, longitude = ExactLongitude },
            ["placeName"] = "Montpellier centre",
        };
        foreach (var (key, value) in overrides ?? []) input[key] = value;
        return input;
    }

    /// <summary>A member who registered and opened the verification link, signed in on <paramref name="client"/>.</summary>
    public static async Task<Account> VerifiedMemberAsync(TrocAppFactory app, GraphQLClient client, string displayName = "Camille")
    {
        var account = await RegisterAsync(client, displayName: displayName);
        var token = TokenFromLink(await WaitForMailAsync(app.OutboxDirectory, account.Email), "/verify-email");
        var verify = await client.As(null).PostAsync(VerifyEmail, new { input = new { token } });
        Assert.Empty(verify.EnsureNoErrors().Data!["verifyEmail"]!["errors"]!.AsArray());
        client.As(account.AccessToken);
        return account;
    }

    public static async Task<string> CreateListingAsync(GraphQLClient client, Dictionary<string, object?>? overrides = null)
    {
        var response = await client.PostAsync(Create, new { input = ValidInput(overrides) });
        var payload = response.EnsureNoErrors().Data!["createListing"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return Str(payload["listing"]!["id"]);
    }
}
