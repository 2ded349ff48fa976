using GraphQL.Types;
using GraphQLParser.AST;

namespace Troc.Graph.Common;

/// <summary>
/// The `Upload` scalar of the GraphQL multipart request spec. Its value is an <see cref="IFormFile"/> that the HTTP
/// transport put into the variables; it cannot be written inline in a document, and never appears in a result.
/// </summary>
public sealed class UploadGraphType : ScalarGraphType
{
    public UploadGraphType()
    {
        Name = "Upload";
        Description = "A file sent with the request, per the GraphQL multipart request spec "
            + "(github.com/jaydenseric/graphql-multipart-request-spec): POST multipart/form-data with the fields "
            + "`operations`, `map`, then the files, and the header `GraphQL-Preflight: 1`. Pass it as a variable set to null "
            + "in `operations`; it cannot be written inline in a document and is never returned.";
    }

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        IFormFile file => file,
        _ => ThrowValueConversionError(value),
    };

    public override bool CanParseValue(object? value) => value is null or IFormFile;

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value,
            "an Upload cannot be written in the document: send the file in a multipart request and pass it as a variable"),
    };

    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLNullValue;

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        _ => ThrowSerializationError(value),
    };
}
