using GraphQL.DI;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using Troc.Domain.Users;

namespace Troc.Graph.Transport.Authorization;

/// <summary>Access tokens (issued, validated as JWT bearer tokens against live sessions) and the authorization rule.</summary>
public static class AuthorizationRegistration
{
    public static WebApplicationBuilder AddTrocAuthorization(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        services.AddAccessTokens();
        services.AddSingleton<AuthorizationRule>();
        services.AddSingleton<IConfigureExecution, AuthorizationRuleInstaller>();
        return builder;
    }

    /// <summary>Authenticates every request; on /graphql a refused token is answered at once, in GraphQL's shape.</summary>
    public static WebApplication UseTrocAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(TransportRegistration.GraphQLPath),
            branch => branch.UseMiddleware<InvalidTokenResponse>());
        return app;
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
}
