using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Troc.Graph.Transport.Execution;

/// <summary>
/// Remembers which operation of the document was selected, so that the log line can name it even when validation
/// refused it (the execution result carries the operation only once it ran).
/// </summary>
internal sealed class SelectedOperationObserver : IDocumentExecutionListener
{
    public GraphQLOperationDefinition? Operation { get; private set; }

    public Task AfterValidationAsync(IExecutionContext context, IValidationResult validationResult)
    {
        Operation = context.Operation;
        return Task.CompletedTask;
    }

    public Task BeforeExecutionAsync(IExecutionContext context) => Task.CompletedTask;

    public Task AfterExecutionAsync(IExecutionContext context) => Task.CompletedTask;
}
