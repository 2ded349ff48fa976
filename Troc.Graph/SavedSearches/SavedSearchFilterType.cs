using GraphQL.Types;
using Troc.Domain.SavedSearches;
using Troc.Graph.Categories;
using Troc.Graph.DataLoading;
using Troc.Graph.Listings;

namespace Troc.Graph.SavedSearches;

/// <summary>`SavedSearch.where`: the filters as chosen.</summary>
public sealed class SavedSearchFilterType : ObjectGraphType<SavedSearchDefinition>
{
    public SavedSearchFilterType()
    {
        Name = "SavedSearchFilter";
        Description = "The filters of a saved search, as chosen (a parent category stays a parent; it still includes its subcategories).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("Listings filed under these categories (each with its subcategories); empty for all.")
            .Resolve(context => context.RequestServices!.GetRequiredService<CategoryById>()
                .LoadMany(context.Source.CategoryIds ?? [])
                .Then(categories => categories.OfType<Troc.Domain.Categories.Category>().ToArray()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Catalogue.ItemTypeType>>>>("itemTypes")
            .Description("Listings of one of these item types; empty for any.")
            .Resolve(context => context.RequestServices!.GetRequiredService<Catalogue.ItemTypeById>()
                .LoadMany(context.Source.Criteria.ItemTypeIds ?? [])
                .Then(itemTypes => itemTypes.OfType<Troc.Domain.Catalogue.StoredItemType>().ToArray()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ItemConditionType>>>>("conditions")
            .Description("Listings in one of these conditions; empty for any.")
            .Resolve(context => context.Source.Criteria.Conditions ?? []);
        Field<NonNullGraphType<BooleanGraphType>>("excludeMine")
            .Description("True when your own listings are left out of `results` (they never raise alerts anyway).")
            .Resolve(context => context.Source.Criteria.ExcludeOwnerId is not null);
        Field<DateTimeGraphType>("postedAfter")
            .Description("Only listings published after this instant (UTC); null for any.")
            .Resolve(context => context.Source.Criteria.PostedAfter);
    }
}
