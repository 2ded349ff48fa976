using System.ComponentModel;

namespace Troc.Graph.Schema;

/// <summary>
/// A mutation input that fails validation at the edge (empty, too long, malformed, unknown id…). Names the input
/// field, so a form can show the message beside it. Shared by every feature's mutations.
/// </summary>
[Description("An input field failed validation (empty, too long, malformed, unknown id…); `field` names it, so a form can show the message beside it.")]
public sealed class InvalidInputError(string field, string message) : UserError("INVALID_INPUT", message)
{
    [Description("The input field at fault, as named in the mutation's input type (for example `email`).")]
    public string Field { get; } = field;
}
