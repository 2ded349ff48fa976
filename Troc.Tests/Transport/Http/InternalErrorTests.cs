using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Troc.Graph.Transport.Execution;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Http;

/// <summary>An unexpected exception in the transport answers 500 and says nothing about its cause unless details are opted into.</summary>
public sealed class InternalErrorTests(InternalErrorTests.BrokenExecuterApp app) : IClassFixture<InternalErrorTests.BrokenExecuterApp>
{
    public const string Secret = "password=hunter2 at db.internal:5432";

    public class BrokenExecuterApp : TrocAppFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.AddSingleton<IDocumentExecuter<ISchema>, BrokenExecuter>();
            services.AddSingleton<IDocumentExecuter, BrokenExecuter>();
        }
    }

    /// <summary>`./troc run`: Development, where details used to follow the environment.</summary>
    public sealed class BrokenExecuterInDevelopmentApp : BrokenExecuterApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    /// <summary>A developer who opted into exception details.</summary>
    public sealed class BrokenExecuterWithDetailsApp : BrokenExecuterApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            [$"{ExceptionDetailsOptions.Section}:ExposeExceptionDetails"] = "true",
        };
    }

    private sealed class BrokenExecuter : IDocumentExecuter<ISchema>
    {
        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options) => throw new InvalidOperationException(Secret);
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_500_internal_server_error_without_details()
    {
        var response = await PostAsync(app.CreateClient(), """{"query":"{ __typename }"}""");

        response.IsError(500, GraphQLResponseJson, "INTERNAL_SERVER_ERROR");
        Assert.Equal("Internal server error", response.FirstErrorMessage);
        Assert.DoesNotContain("hunter2", response.Body);
        Assert.DoesNotContain("InvalidOperation", response.Body);
        Assert.DoesNotContain(" at ", response.Body);
        response.MatchSnapshot();
    }

    public sealed class InDevelopment(BrokenExecuterInDevelopmentApp app) : IClassFixture<BrokenExecuterInDevelopmentApp>
    {
        [Fact]
        public async Task In_development_the_error_still_carries_no_details_unless_they_are_opted_into()
        {
            var response = await PostAsync(app.CreateClient(), """{"query":"{ __typename }"}""");

            response.IsError(500, GraphQLResponseJson, "INTERNAL_SERVER_ERROR");
            Assert.Equal("Internal server error", response.FirstErrorMessage);
            Assert.DoesNotContain("hunter2", response.Body);
            Assert.DoesNotContain("details", response.Body);
        }
    }

    public sealed class WithDetails(BrokenExecuterWithDetailsApp app) : IClassFixture<BrokenExecuterWithDetailsApp>
    {
        [Fact]
        public async Task Opted_into_details_the_error_carries_the_exception()
        {
            var response = await PostAsync(app.CreateClient(), """{"query":"{ __typename }"}""");

            response.IsError(500, GraphQLResponseJson, "INTERNAL_SERVER_ERROR");
            Assert.Equal("Internal server error", response.FirstErrorMessage);
            Assert.Contains("hunter2", response.Errors[0]!["extensions"]!["details"]!.GetValue<string>());
        }
    }
}
