using System.ComponentModel;

namespace Troc.Graph.Common;

/// <summary>
/// A mutation input that fails validation at the edge (empty, too long, malformed, unknown id…). Names the input
/// field, so a form can show the message beside it. Shared by every feature's mutations. The code defaults to
/// INVALID_INPUT; features pass a precise one (TITLE_TOO_LONG…) when clients may act on it.
/// </summary>
[Description("An input field failed validation (empty, too long, malformed, unknown id…); `field` names it, so a form can show the message beside it.")]
public sealed class InvalidInputError(string field, string message, string code = "INVALID_INPUT") : UserError(code, message)
{
    [Description("The input field at fault, as named in the mutation's input type (for example `email`).")]
    public string Field { get; } = field;
}
