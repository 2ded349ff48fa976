using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Utilities;
using Snapshooter;
using Snapshooter.Xunit;
using Troc.Graph.Common;

namespace Troc.Tests.Schema;

/// <summary>The mutation convention of DESIGN.md, on a two-error mutation built from the shared infrastructure.</summary>
public sealed class PayloadConventionTests
{
    public sealed class TitleEmptyError() : UserError("TITLE_EMPTY", "Le titre est vide.");

    public sealed class TitleTooLongError(int max) : UserError("TITLE_TOO_LONG", $"Le titre dépasse {max} caractères.")
    {
        /// <summary>The longest title accepted.</summary>
        public int MaxLength { get; } = max;
    }

    public sealed class RenameThingPayload(string? title, IReadOnlyList<UserError>? errors = null) : Payload(errors)
    {
        /// <summary>The new title, when the rename succeeded.</summary>
        public string? Title { get; } = title;
    }

    public sealed class RenameThingPayloadType()
        : PayloadType<RenameThingPayload>("Result of `renameThing`.", typeof(TitleEmptyError), typeof(TitleTooLongError));

    private static ISchema BuildSchema()
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("ping").Resolve(_ => "pong");
        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<NonNullGraphType<RenameThingPayloadType>>("renameThing")
            .Argument<NonNullGraphType<StringGraphType>>("title")
            .Resolve(context =>
            {
                var title = context.GetArgument<string>("title");
                return title.Length switch
                {
                    0 => new RenameThingPayload(null, [new TitleEmptyError()]),
                    > 10 => new RenameThingPayload(null, [new TitleTooLongError(10)]),
                    _ => new RenameThingPayload(title),
                };
            });
        var schema = new GraphQL.Types.Schema { Query = query, Mutation = mutation };
        schema.RegisterType(new UserErrorType<TitleEmptyError>());
        schema.RegisterType(new UserErrorType<TitleTooLongError>());
        return schema;
    }

    private static async Task<string> RunAsync(ISchema schema, string title)
    {
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = """
                mutation($title: String!) {
                  renameThing(title: $title) {
                    title
                    errors { __typename ... on Error { code message } ... on TitleTooLongError { maxLength } }
                  }
                }
                """,
            Variables = new Inputs(new Dictionary<string, object?> { ["title"] = title }),
        });
        return new GraphQLSerializer(indent: true).Serialize(result);
    }

    [Fact]
    public async Task Expected_failures_are_typed_payload_errors_with_codes()
    {
        var schema = BuildSchema();

        var empty = await RunAsync(schema, "");
        var tooLong = await RunAsync(schema, "a title that is far too long");
        var ok = await RunAsync(schema, "vélo");

        Assert.Contains("\"code\": \"TITLE_EMPTY\"", empty);
        Assert.Contains("\"__typename\": \"TitleTooLongError\"", tooLong);
        Assert.Contains("\"maxLength\": 10", tooLong);
        Assert.Contains("\"errors\": []", ok);
        Assert.DoesNotContain("\"errors\": [{", ok.Replace(" ", ""));
        Snapshot.Match(Newtonsoft.Json.Linq.JObject.Parse(empty), new SnapshotNameExtension("empty"));
        Snapshot.Match(Newtonsoft.Json.Linq.JObject.Parse(tooLong), new SnapshotNameExtension("tooLong"));
    }

    [Fact]
    public void The_errors_field_is_a_union_named_after_the_mutation_whose_members_implement_Error()
    {
        var schema = BuildSchema();
        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = false });

        Assert.Contains("union RenameThingError = TitleEmptyError | TitleTooLongError", sdl);
        Assert.Contains("errors: [RenameThingError!]!", sdl);
        Assert.Contains("type TitleTooLongError implements Error", sdl);
    }
}
