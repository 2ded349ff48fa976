namespace Troc.Domain.Common;

/// <summary>
/// An expected failure of a use case, the one shape every feature returns them in: <see cref="Kind"/> says which (typed),
/// <see cref="Field"/> names the input at fault as the API names it (`title`, `wants[2].itemTypeIds[0]`; empty when no one
/// field is), <see cref="Message"/> says it in French, fit to show to the person. A use case returns every violation it
/// found, not just the first, so that a form can show them all; the API turns each into a typed payload error.
/// </summary>
/// <remarks>A violation that carries more (a date, a reason) is a subtype: see the accounts' violations.</remarks>
public record Violation(ViolationKind Kind, string Field, string Message)
{
    /// <summary>The kind as the API spells it (`ITEM_TYPE_NOT_FOUND`).</summary>
    public string Code => Kind.Code();
}

/// <summary>
/// How an entity refuses what its state forbids (archiving a traded listing, removing a photo it does not have): the use
/// case that called it catches this and returns <see cref="Violation"/> like any other.
/// </summary>
public sealed class ViolationException(Violation violation) : Exception(violation.Message)
{
    public Violation Violation { get; } = violation;

    /// <summary>The violation's code, as the API spells it.</summary>
    public string Code => Violation.Code;
}
