namespace Troc.Domain.Catalogue;

/// <summary>The catalogue data is inconsistent; <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed class CatalogueValidationException(IReadOnlyList<string> problems)
    : Exception($"The item catalogue has {problems.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
