using Microsoft.EntityFrameworkCore;
using Troc.Domain.Catalogue;
using Troc.Domain.Common;
using Troc.Domain.Persistence;

namespace Troc.Domain.Listings;

/// <summary>The owner's word on a listing's item type: a slug, or <see cref="Automatic"/> to hand it back to the resolver.</summary>
public sealed record ItemTypeChoice(string? Slug)
{
    public static ItemTypeChoice Automatic { get; } = new((string?)null);

    public static ItemTypeChoice Of(string slug) => new(slug);
}

/// <summary>The owner's word on one want: item types (by slug, best first) or a whole subcategory, instead of the resolver's reading.</summary>
public sealed record WantChoice(IReadOnlyList<string> ItemTypeSlugs, int? CategoryId);

/// <summary>What a listing is and what its wants ask for, as decided for one command; null parts are left as they are.</summary>
public sealed record ListingReading(ItemTypeAssignment? ItemType, IReadOnlyList<ListingWant>? Wants, List<Violation> Violations);

/// <summary>
/// Reads a listing's title and description and each want with the <see cref="ItemTypeResolver"/>, applies the owner's
/// choices where they made some (checked against the item_types table: unknown and retired types are refused), and
/// turns the catalogue's slugs into the database's item type keys.
/// </summary>
public sealed class ListingUnderstanding(ItemTypeResolver resolver)
{
    /// <summary>How many item types a want keeps: the resolver's best few, or as many as the owner may choose.</summary>
    public const int MaxWantItemTypes = 3;

    /// <summary>A want keeps the resolver's other candidates only when they score at least this share of the best one.</summary>
    public const double AlternativeShare = 0.5;

    public ItemTypeResolver Resolver => resolver;

    /// <summary>
    /// Decides the listing's item type (when <paramref name="choice"/> is given, or when <paramref name="reread"/> asks
    /// the resolver to read the title again) and the wants (when <paramref name="wants"/> is given: every want is
    /// read, except those with a choice in <paramref name="wantChoices"/>, aligned by index).
    /// </summary>
    public async Task<ListingReading> ReadAsync(
        TrocDbContext db, string title, string description, ItemTypeChoice? choice, bool reread,
        IReadOnlyList<string>? wants, IReadOnlyList<WantChoice?>? wantChoices, CancellationToken cancellationToken)
    {
        var violations = new List<Violation>();
        var resolveItemType = choice is { Slug: null } || (choice is null && reread);
        // Texts the rules refuse (ListingRules reports them) are not read: a huge text would only cost time.
        var readable = title.Length <= ListingRules.TitleMaxLength && description.Length <= ListingRules.DescriptionMaxLength;
        var listingMatch = resolveItemType && readable ? resolver.ResolveListing(title, description, 1).FirstOrDefault() : null;

        var texts = wants?.Select(w => w.Trim()).Take(ListingRules.MaxWants).ToList() ?? [];
        var choices = texts.Select((_, i) => wantChoices is not null && i < wantChoices.Count ? wantChoices[i] : null).ToList();
        var resolutions = texts
            .Select((text, i) => choices[i] is null && text.Length is > 0 and <= ListingRules.WantMaxLength ? resolver.ResolveWant(text, MaxWantItemTypes) : null)
            .ToList();

        var slugs = new HashSet<string>(StringComparer.Ordinal);
        if (choice?.Slug is { } chosenSlug) slugs.Add(chosenSlug);
        if (listingMatch is not null) slugs.Add(listingMatch.ItemType.Slug);
        foreach (var wantChoice in choices) slugs.UnionWith(wantChoice?.ItemTypeSlugs ?? []);
        foreach (var resolution in resolutions) slugs.UnionWith(resolution?.ItemTypes.Select(t => t.ItemType.Slug) ?? []);
        var itemTypes = await ItemTypeKeysAsync(db, slugs, cancellationToken);

        var categoryIds = choices.Where(c => c?.CategoryId is not null).Select(c => c!.CategoryId!.Value).Distinct().ToList();
        var subcategorySlugs = resolutions.Where(r => r?.Scope == WantScope.Subcategory).Select(r => r!.Subcategory!.Subcategory.Slug).Distinct().ToList();
        List<CategoryKey> categories = categoryIds.Count + subcategorySlugs.Count == 0 ? [] : await db.Categories.AsNoTracking()
            .Where(c => categoryIds.Contains(c.Id) || subcategorySlugs.Contains(c.Slug))
            .Select(c => new CategoryKey(c.Id, c.Slug, c.ParentId != null))
            .ToListAsync(cancellationToken);
        var categoryIdsBySlug = categories.ToDictionary(c => c.Slug, c => c.Id, StringComparer.Ordinal);

        ItemTypeAssignment? assignment = null;
        if (choice?.Slug is { } slug)
        {
            if (itemTypes.TryGetValue(slug, out var key) && !key.Retired) assignment = new(key.Id, ItemTypeSource.Owner, 1.0);
            else violations.Add(ListingViolations.ItemTypeNotFound("itemTypeId"));
        }
        else if (resolveItemType)
            assignment = Assignment(listingMatch, itemTypes);

        List<ListingWant>? read = null;
        if (wants is not null)
        {
            read = [];
            for (var i = 0; i < texts.Count; i++)
            {
                var field = $"wants[{i}]";
                if (choices[i] is { } wantChoice)
                {
                    if (wantChoice.ItemTypeSlugs.Count > 0 && wantChoice.CategoryId is not null)
                        violations.Add(ListingViolations.WantChoiceConflict(field));
                    else if (wantChoice.ItemTypeSlugs.Count > MaxWantItemTypes)
                        violations.Add(ListingViolations.TooManyWantItemTypes($"{field}.itemTypeIds"));
                    else if (wantChoice.CategoryId is { } categoryId)
                    {
                        var category = categories.FirstOrDefault(c => c.Id == categoryId);
                        if (category is null) violations.Add(ListingViolations.CategoryNotFound($"{field}.categoryId"));
                        else if (!category.IsSubcategory)
                            violations.Add(ListingViolations.CategoryNotLeaf($"{field}.categoryId"));
                        else read.Add(new ListingWant(i, texts[i], WantScope.Subcategory, [], categoryId, 1.0, chosenByOwner: true));
                    }
                    else
                    {
                        var chosen = new List<(int, double)>();
                        for (var j = 0; j < wantChoice.ItemTypeSlugs.Count; j++)
                        {
                            if (itemTypes.TryGetValue(wantChoice.ItemTypeSlugs[j], out var key) && !key.Retired)
                            {
                                if (!chosen.Exists(c => c.Item1 == key.Id)) chosen.Add((key.Id, 1.0));
                            }
                            else violations.Add(ListingViolations.ItemTypeNotFound($"{field}.itemTypeIds[{j}]"));
                        }
                        read.Add(chosen.Count > 0
                            ? new ListingWant(i, texts[i], WantScope.ItemTypes, chosen, null, 1.0, chosenByOwner: true)
                            : new ListingWant(i, texts[i]));
                    }
                }
                else
                    read.Add(Want(i, texts[i], resolutions[i], itemTypes, categoryIdsBySlug));
            }
        }
        return new ListingReading(assignment, read, violations);
    }

    /// <summary>The resolver's reading of a listing, with catalogue slugs turned into item type keys.</summary>
    public ItemTypeAssignment ResolveItemType(string title, string description, IReadOnlyDictionary<string, ItemTypeKey> itemTypes) =>
        Assignment(resolver.ResolveListing(title, description, 1).FirstOrDefault(), itemTypes);

    /// <summary>The resolver's reading of a want, with catalogue slugs turned into item type and category keys.</summary>
    public ListingWant ResolveWant(int position, string text, IReadOnlyDictionary<string, ItemTypeKey> itemTypes, IReadOnlyDictionary<string, int> categoryIds) =>
        Want(position, text, resolver.ResolveWant(text, MaxWantItemTypes), itemTypes, categoryIds);

    /// <summary>Item type keys by slug, for the given slugs (all of them when null).</summary>
    public static async Task<Dictionary<string, ItemTypeKey>> ItemTypeKeysAsync(TrocDbContext db, IReadOnlyCollection<string>? slugs, CancellationToken cancellationToken)
    {
        if (slugs is { Count: 0 }) return new(StringComparer.Ordinal);
        var query = db.ItemTypes.AsNoTracking();
        if (slugs is not null) query = query.Where(t => slugs.Contains(t.Slug));
        return await query.Select(t => new ItemTypeKey(t.Id, t.Slug, t.Retired))
            .ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, cancellationToken);
    }

    private static ItemTypeAssignment Assignment(ItemTypeMatch? match, IReadOnlyDictionary<string, ItemTypeKey> itemTypes) =>
        match is not null && itemTypes.TryGetValue(match.ItemType.Slug, out var key) && !key.Retired
            ? new ItemTypeAssignment(key.Id, ItemTypeSource.Resolved, Round(match.Confidence))
            : new ItemTypeAssignment(null, ItemTypeSource.Resolved, null);

    private static ListingWant Want(int position, string text, WantResolution? resolution,
        IReadOnlyDictionary<string, ItemTypeKey> itemTypes, IReadOnlyDictionary<string, int> categoryIds)
    {
        if (resolution is { Scope: WantScope.Subcategory, Subcategory: { } broad } && categoryIds.TryGetValue(broad.Subcategory.Slug, out var categoryId))
            return new ListingWant(position, text, WantScope.Subcategory, [], categoryId, Round(broad.Confidence), false);
        // Close alternatives stay (a want may mean either); candidates far behind the best are noise for matching.
        var best = resolution?.ItemTypes.Count > 0 ? resolution.ItemTypes[0].Confidence : 0;
        var matched = (resolution?.ItemTypes ?? [])
            .Where(t => t.Confidence >= best * AlternativeShare)
            .Where(t => itemTypes.TryGetValue(t.ItemType.Slug, out var key) && !key.Retired)
            .Select(t => (itemTypes[t.ItemType.Slug].Id, Round(t.Confidence)))
            .ToList();
        return matched.Count > 0
            ? new ListingWant(position, text, WantScope.ItemTypes, matched, null, matched[0].Item2, false)
            : new ListingWant(position, text);
    }

    private static double Round(double confidence) => Math.Round(confidence, 3);

    private sealed record CategoryKey(int Id, string Slug, bool IsSubcategory);
}

/// <summary>An item type's database key and whether it left the catalogue.</summary>
public sealed record ItemTypeKey(int Id, string Slug, bool Retired);
