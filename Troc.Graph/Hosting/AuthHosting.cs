using GraphQL;
using GraphQL.DI;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using StackExchange.Redis;
using Troc.Domain.Users;
using Troc.Graph.Abuse;
using Troc.Graph.Accounts;
using Troc.Graph.Common;
using Troc.Graph.Mail;
using Troc.Graph.Transport.Authorization;
using Troc.Graph.Users;

namespace Troc.Graph.Hosting;

/// <summary>Accounts, access tokens, authorization, abuse limits and mail.</summary>
public static class AuthHosting
{
    public static WebApplicationBuilder AddTrocAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.Configure<AbuseOptions>(configuration.GetSection(AbuseOptions.Section));
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.Configure<AppOptions>(configuration.GetSection(AppOptions.Section));

        services.AddAccountsDomain();
        services.AddAccessTokens();
        services.AddSingleton<AuthorizationRule>();
        services.AddSingleton<IConfigureExecution, AuthorizationRuleInstaller>();
        services.AddAbuseLimits(configuration);
        services.AddMail(configuration);

        services.AddScoped<UserById>();
        services.AddSingleton<INodeResolver, UserNodeResolver>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<ISessionRevocationPublisher>(provider => provider.GetRequiredService<SessionRevocations>());
        services.AddHostedService<SessionRevocationListener>();
        return builder;
    }

    public static WebApplication UseTrocAuth(this WebApplication app)
    {
        // Behind the load balancer every request comes from the balancer: per-IP limits need the client's
        // address from X-Forwarded-For. Only where the balancer is the sole way in (it appends the address it saw;
        // the last entry is the one to believe), since anyone else could write the header.
        if (app.Configuration.GetValue<bool>($"{AbuseOptions.Section}:TrustForwardedFor"))
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }
        // Before authentication: a flood is turned away before it costs a token check or a query.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/graphql"), branch => branch.UseMiddleware<InvalidTokenResponse>());
        return app;
    }

    private static void AddAccountsDomain(this IServiceCollection services)
    {
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
    }

    private static void AddAccessTokens(this IServiceCollection services)
    {
        services.AddSingleton<SigningKeyProvider>();
        services.AddHostedService<SigningKeyStartupCheck>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<IAccessTokenIssuer>(provider => provider.GetRequiredService<AccessTokenIssuer>());
        services.AddSingleton<AccessTokenValidator>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<AccessTokenValidator>((options, validator) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = validator.Parameters;
                options.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = context =>
                    {
                        context.HttpContext.Items[InvalidTokenResponse.FailureItemKey] = AccessTokenCheck.Fail(
                            context.Exception is SecurityTokenExpiredException ? AccessTokenFailure.Expired : AccessTokenFailure.Invalid);
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = async context =>
                    {
                        var check = await validator.CheckSessionAsync(context.Principal!, context.HttpContext.RequestAborted);
                        if (check.Principal is { } principal)
                        {
                            context.Principal = principal;
                            return;
                        }
                        context.HttpContext.Items[InvalidTokenResponse.FailureItemKey] = check;
                        context.Fail(check.Message);
                    },
                };
            });
    }

    private static void AddAbuseLimits(this IServiceCollection services, IConfiguration configuration)
    {
        // Counters live in the Redis that the event bus connects to (AddTrocRealtime), shared by every replica;
        // without Redis there is one process, and memory does.
        services.AddSingleton<IRateLimitCounter>(provider =>
            provider.GetService<IConnectionMultiplexer>() is { } redis
                ? new RedisRateLimitCounter(redis)
                : new InMemoryRateLimitCounter(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AbuseOptions>>();
            var database = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Troc")).Database ?? "troc";
            return new AbuseGuard(
                provider.GetRequiredService<IRateLimitCounter>(), options,
                options.Value.RedisKeyPrefix ?? $"troc:{database}:",
                provider.GetRequiredService<ILogger<AbuseGuard>>());
        });
        services.AddSingleton<IAttemptLimiter>(provider => provider.GetRequiredService<AbuseGuard>());
        services.AddGlobalRequestLimit();
    }

    private static void AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AccountMails>();
        services.AddSingleton<MailQueue>();
        services.AddSingleton<IAccountMail, QueuedAccountMail>();
        services.AddHostedService<MailDispatcher>();
        if (!string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"]))
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        else
            services.AddSingleton<IEmailSender, OutboxEmailSender>();
    }
}
