using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Troc.Graph.Hosting;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Schema;

public sealed class SchemaTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public void Committed_schema_file_matches_the_live_schema()
    {
        var live = Commands.PrintSchema(app.Services);
        var path = Path.Combine(RepositoryPaths.Root, "schema.graphql");
        var committed = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "";
        Assert.True(committed == live,
            "schema.graphql differs from the live schema. Run `./troc schema` and commit the result.");
    }

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !IsBuiltInScalar(t)))
        {
            if (string.IsNullOrWhiteSpace(type.Description)) missing.Add(type.Name);
            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description)) missing.Add($"{type.Name}.{field.Name}");
                    foreach (var argument in field.Arguments ?? [])
                        if (string.IsNullOrWhiteSpace(argument.Description)) missing.Add($"{type.Name}.{field.Name}({argument.Name})");
                }
            }
            if (type is EnumerationGraphType enumeration)
                foreach (var value in enumeration.Values)
                    if (string.IsNullOrWhiteSpace(value.Description)) missing.Add($"{type.Name}.{value.Name}");
        }
        Assert.True(missing.Count == 0, "Missing descriptions: " + string.Join(", ", missing));
    }

    private static bool IsBuiltInScalar(IGraphType type) =>
        type is ScalarGraphType && type.Name is "String" or "Int" or "Float" or "Boolean" or "ID";
}
