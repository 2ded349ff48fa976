using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MimeKit;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Users;

/// <summary>The account operations as a client sends them, and helpers to read what the server mailed.</summary>
public static partial class AccountTestKit
{
    public const string GoodPassword = "une girafe mange des crêpes";

    public const string SignInFields = "user { id displayName email emailVerified } accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt";

    // Fragments on error types a mutation cannot return are invalid GraphQL: each operation asks for its own.
    private const string AnyError = "__typename ... on Error { code message }";
    private const string InputError = "... on InvalidInputError { field }";
    private const string WeakPassword = "... on WeakPasswordError { reason minLength }";
    private const string Locked = "... on AccountLockedError { lockedUntil }";
    private const string Limited = "... on RateLimitedError { retryAfterSeconds retryAt }";

    public static readonly string Register = $"mutation($input: RegisterInput!) {{ register(input: $input) {{ {SignInFields} errors {{ {AnyError} {InputError} {WeakPassword} {Limited} }} }} }}";
    public static readonly string Login = $"mutation($input: LoginInput!) {{ login(input: $input) {{ {SignInFields} errors {{ {AnyError} {InputError} {Locked} {Limited} }} }} }}";
    public static readonly string Refresh = $"mutation($input: RefreshTokenInput!) {{ refreshToken(input: $input) {{ {SignInFields} errors {{ {AnyError} }} }} }}";
    public const string Logout = "mutation($input: LogoutInput!) { logout(input: $input) { loggedOut errors { __typename ... on Error { code } } } }";
    public const string LogoutEverywhere = "mutation { logoutEverywhere { endedSessions errors { code } } }";
    public const string Me = "{ me { id displayName email emailVerified pendingEmail role } }";
    public static readonly string VerifyEmail = $"mutation($input: VerifyEmailInput!) {{ verifyEmail(input: $input) {{ user {{ id email emailVerified pendingEmail }} errors {{ {AnyError} }} }} }}";
    public static readonly string ResendVerificationEmail = $"mutation {{ resendVerificationEmail {{ user {{ id }} errors {{ {AnyError} {Limited} }} }} }}";
    public static readonly string RequestPasswordReset = $"mutation($input: RequestPasswordResetInput!) {{ requestPasswordReset(input: $input) {{ accepted errors {{ {AnyError} {InputError} {Limited} }} }} }}";
    public static readonly string ResetPassword = $"mutation($input: ResetPasswordInput!) {{ resetPassword(input: $input) {{ user {{ id displayName }} errors {{ {AnyError} {WeakPassword} }} }} }}";
    public static readonly string ChangePassword = $"mutation($input: ChangePasswordInput!) {{ changePassword(input: $input) {{ user {{ id }} errors {{ {AnyError} {WeakPassword} }} }} }}";
    public static readonly string ChangeEmail = $"mutation($input: ChangeEmailInput!) {{ changeEmail(input: $input) {{ user {{ id email pendingEmail emailVerified }} errors {{ {AnyError} {InputError} {Limited} }} }} }}";
    public static readonly string SuspendUser = $"mutation($input: SuspendUserInput!) {{ suspendUser(input: $input) {{ user {{ id displayName }} errors {{ {AnyError} {InputError} }} }} }}";

    public static string UniqueEmail(string who = "user") => $"{who}-{Guid.NewGuid().ToString("N")[..10]}@exemple.fr";

    public sealed record Account(string Email, string Password, string UserId, string AccessToken, string RefreshToken);

    public static async Task<Account> RegisterAsync(GraphQLClient client, string? email = null, string password = GoodPassword, string displayName = "Camille")
    {
        email ??= UniqueEmail();
        var response = await client.PostAsync(Register, new { input = new { email, password, displayName } });
        response.EnsureNoErrors();
        var payload = response.Data!["register"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return new Account(email, password, Str(payload["user"]!["id"]), Str(payload["accessToken"]), Str(payload["refreshToken"]));
    }

    public static async Task<Account> LoginAsync(GraphQLClient client, string email, string password)
    {
        var response = await client.PostAsync(Login, new { input = new { email, password } });
        response.EnsureNoErrors();
        var payload = response.Data!["login"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return new Account(email, password, Str(payload["user"]!["id"]), Str(payload["accessToken"]), Str(payload["refreshToken"]));
    }

    public static GraphQLClient As(this GraphQLClient client, string? accessToken)
    {
        client.AccessToken = accessToken;
        return client;
    }

    public static string Str(JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("expected a string");

    /// <summary>The codes of a payload's `errors`.</summary>
    public static string[] ErrorCodes(JsonNode? payload) =>
        payload!["errors"]!.AsArray().Select(e => Str(e!["code"])).ToArray();

    /// <summary>`extensions.code` of each GraphQL error of the response.</summary>
    public static string[] GraphQLErrorCodes(GraphQLResponse response) =>
        response.Errors?.Select(e => e!["extensions"]?["code"]?.GetValue<string>() ?? "").ToArray() ?? [];

    /// <summary>Waits for the background mail queue to deliver a message to <paramref name="to"/> into the outbox folder.</summary>
    public static async Task<MimeMessage> WaitForMailAsync(string outbox, string to, string? subjectContains = null, int skip = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var matches = ReadMail(outbox).Where(m => m.To.Mailboxes.Any(a => a.Address == to)
                && (subjectContains is null || (m.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal))).ToList();
            if (matches.Count > skip) return matches[skip];
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No mail to {to} ({subjectContains}) in {outbox}");
            await Task.Delay(50);
        }
    }

    public static IEnumerable<MimeMessage> ReadMail(string outbox) =>
        Directory.Exists(outbox)
            ? Directory.GetFiles(outbox, "*.eml").Order().Select(path => MimeMessage.Load(path))
            : [];

    /// <summary>The token of the link to <paramref name="route"/> (`/verify-email`, `/reset-password`) in a mail's text part.</summary>
    public static string TokenFromLink(MimeMessage message, string route)
    {
        var match = Regex.Match(message.TextBody ?? "", Regex.Escape(route) + @"\?token=([A-Za-z0-9_\-%]+)");
        Assert.True(match.Success, $"no {route} link in: {message.TextBody}");
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }
}

/// <summary>Direct database access for what no API does on purpose (promoting an admin, ageing a token).</summary>
public static class AccountDatabase
{
    public static async Task ExecuteAsync(TrocAppFactory app, Func<Troc.Domain.Persistence.TrocDbContext, Task> action)
    {
        var factory = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Troc.Domain.Persistence.TrocDbContext>>(app.Services);
        await using var db = await factory.CreateDbContextAsync();
        await action(db);
    }

    public static Guid UserKey(string globalId) =>
        Troc.Graph.Common.GlobalId.TryDecodeGuid(globalId, "User", out var id) ? id : throw new ArgumentException(globalId);

    public static Task PromoteToAdminAsync(TrocAppFactory app, string globalUserId) => ExecuteAsync(app, async db =>
    {
        var user = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.Id == UserKey(globalUserId));
        user.PromoteToAdmin();
        await db.SaveChangesAsync();
    });
}
