namespace Troc.Domain.Catalogue;

/// <summary>
/// A second opinion for texts the vocabulary cannot settle, such as an embedding model. It only re-orders close
/// candidates or proposes some when nothing matched; it never overrides a clear vocabulary match, because cosine
/// similarity alone does not separate true pairs from unrelated ones on French listings.
/// </summary>
public interface IItemTypeRescue
{
    /// <summary>
    /// Item types for <paramref name="foldedText"/> (lower case, accents removed: MiniLM's tokenizer turns accented
    /// letters into [UNK]), each with a similarity in 0–1. <paramref name="candidates"/> are the vocabulary's close
    /// candidates to re-rank, or empty when nothing matched.
    /// </summary>
    ValueTask<IReadOnlyList<RescueCandidate>> RescueAsync(string foldedText, IReadOnlyList<ItemTypeMatch> candidates, CancellationToken cancellationToken);
}

/// <summary>An item type proposed by an <see cref="IItemTypeRescue"/>.</summary>
public sealed record RescueCandidate(string ItemTypeSlug, double Similarity);
