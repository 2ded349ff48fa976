using System.ComponentModel;
using Troc.Domain.Common;

namespace Troc.Graph.Common;

/// <summary>
/// A mutation input that fails validation (empty, too long, malformed, unknown id…). Names the input field, so a form
/// can show the message beside it. Shared by every feature's mutations: a feature's errors mapping renders every
/// violation it has no more precise error type for as this one, with the violation's own code (TITLE_TOO_LONG…).
/// </summary>
[Description("An input field failed validation (empty, too long, malformed, unknown id…); `field` names it, so a form can show the message beside it.")]
public sealed class InvalidInputError(Violation violation) : UserError(violation.Kind, violation.Message)
{
    [Description("The input field at fault, as named in the mutation's input type (for example `email`).")]
    public string Field { get; } = violation.Field;
}
