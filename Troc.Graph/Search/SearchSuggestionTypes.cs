using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Search;
using Troc.Graph.Categories;

namespace Troc.Graph.Search;

public sealed class SearchSuggestionKindType : EnumerationGraphType<SearchSuggestionKind>
{
    public SearchSuggestionKindType()
    {
        Name = "SearchSuggestionKind";
        Description = "Where a search suggestion comes from.";
        Values["TITLE_WORDS"]!.Description = "The first words of titles of listings on offer.";
        Values["ITEM_TYPE"]!.Description = "A kind of item from the catalogue (« Machine à café »).";
        Values["CATEGORY"]!.Description = "A category or subcategory; `category` says which, to filter on it instead of searching its name.";
    }
}

public sealed class SearchSuggestionType : ObjectGraphType<SearchSuggestion>
{
    public SearchSuggestionType()
    {
        Name = "SearchSuggestion";
        Description = "A completion of what is being typed in the search box.";
        Field<NonNullGraphType<StringGraphType>>("text")
            .Description("The words to show and to search, as listings or the catalogue spell them (accents included).")
            .Resolve(context => context.Source.Text);
        Field<NonNullGraphType<SearchSuggestionKindType>>("kind")
            .Description("Where the suggestion comes from.")
            .Resolve(context => context.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("listingCount")
            .Description("How many listings on offer it leads to: for CATEGORY, those filed under it; for TITLE_WORDS and ITEM_TYPE, " +
                "those a search for `text` finds, counted up to 1000.")
            .Resolve(context => context.Source.ListingCount);
        Field<CategoryType>("category")
            .Description("The category of a CATEGORY suggestion; null for the other kinds.")
            .Resolve(context => context.Source.CategoryId is { } id
                ? context.RequestServices!.GetRequiredService<CategoryById>().Load(id)
                : null);
    }
}
