namespace Troc.Tests.Transport.Execution;

/// <summary>Documents that probe the execution limits.</summary>
public static class Queries
{
    /// <summary>
    /// `category(slug: …) { parent { parent { … slug } } }`: <paramref name="levels"/> levels of fields, the root field
    /// being level 1 and `slug` the last. Valid, and cheap apart from its depth: `parent` is a single object.
    /// </summary>
    public static string NestedParents(int levels) =>
        "{ category(slug: \"maison\") { "
        + string.Concat(Enumerable.Repeat("parent { ", levels - 2))
        + "slug"
        + string.Concat(Enumerable.Repeat(" }", levels - 1))
        + " }";

    /// <summary>`categories { children { … id } }`: lists within lists, <paramref name="levels"/> levels of fields.</summary>
    public static string NestedCategories(int levels) =>
        "{ categories { "
        + string.Concat(Enumerable.Repeat("children { ", levels - 2))
        + "id"
        + string.Concat(Enumerable.Repeat(" }", levels - 1))
        + " }";

    public static string RepeatedTypename(int times) => "{ " + string.Join(' ', Enumerable.Repeat("__typename", times)) + " }";

    public static string AliasedTypename(int aliases) =>
        "{ " + string.Join(' ', Enumerable.Range(0, aliases).Select(i => $"a{i}: __typename")) + " }";

    /// <summary>
    /// What Banana Cake Pop 18 sends to load the schema. It first asks which introspection fields the server has; with
    /// GraphQL.NET's defaults that leaves out `isRepeatable`, `specifiedByURL` and the deprecation of arguments.
    /// </summary>
    public const string BananaCakePopIntrospection = """
        query IntrospectionQuery {
          __schema {
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types { ...FullType }
            directives {
              name
              description
              locations
              args { ...InputValue }
            }
          }
        }

        fragment FullType on __Type {
          kind
          name
          description
          fields(includeDeprecated: true) {
            name
            description
            args { ...InputValue }
            type { ...TypeRef }
            isDeprecated
            deprecationReason
          }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }

        fragment InputValue on __InputValue {
          name
          description
          type { ...TypeRef }
          defaultValue
        }

        fragment TypeRef on __Type {
          kind
          name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        }
        """;

    /// <summary>The deepest common introspection query: graphql-js's, whose type references go nine levels down.</summary>
    public const string GraphQLJsIntrospection = """
        query IntrospectionQuery {
          __schema {
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }

        fragment FullType on __Type {
          kind
          name
          description
          fields(includeDeprecated: true) {
            name
            description
            args { ...InputValue }
            type { ...TypeRef }
            isDeprecated
            deprecationReason
          }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }

        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }

        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
            ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
        }
        """;
}
