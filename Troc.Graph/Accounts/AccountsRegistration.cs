using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Troc.Domain.Users;
using Troc.Graph.Abuse;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.Accounts;

public static class AccountsRegistration
{
    /// <summary>
    /// The account use cases, their stores and settings (from `Auth:*` and `Abuse:Lockout`), and the news of revoked
    /// sessions on the event bus, in both directions. Tokens, mail and rate limits are registered by Transport/,
    /// Mail/ and Abuse/, which implement the domain's interfaces.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var auth = provider.GetRequiredService<IOptions<AuthOptions>>().Value;
            return new AccountLifetimes
            {
                RefreshToken = auth.RefreshTokenLifetime,
                EmailVerification = auth.EmailVerificationLifetime,
                PasswordReset = auth.PasswordResetLifetime,
                EmailChange = auth.EmailChangeLifetime,
            };
        });
        services.AddSingleton(provider =>
        {
            var lockout = provider.GetRequiredService<IOptions<AbuseOptions>>().Value.Lockout;
            return new AccountDefenses
            {
                MaxFailedLogins = lockout.MaxFailedLogins,
                LockoutDuration = lockout.Duration,
                PasswordResetMinimumResponseTime = provider.GetRequiredService<IOptions<AuthOptions>>().Value.PasswordResetMinimumResponseTime,
            };
        });
        services.AddSingleton<SessionStore>();
        services.AddSingleton<AccountTokenStore>();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<ISessionRevocationPublisher>(provider => provider.GetRequiredService<SessionRevocations>());
        services.AddHostedService<SessionRevocationListener>();
        return services;
    }
}
