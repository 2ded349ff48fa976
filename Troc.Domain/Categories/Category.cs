namespace Troc.Domain.Categories;

/// <summary>A node of the catalogue: a top-level category (maison, mode…) or one of its subcategories.</summary>
public sealed class Category
{
    private Category() { }

    public Category(int id, string slug, string label, int? parentId, int position)
    {
        Id = id;
        Slug = slug;
        Label = label;
        ParentId = parentId;
        Position = position;
    }

    /// <summary>Internal key. Stable across releases: the catalogue file fixes it.</summary>
    public int Id { get; private set; }

    /// <summary>Stable, URL-safe identifier such as `maison-ameublement`; safe to hard-code in a client.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>French label to show to people, such as « Ameublement ».</summary>
    public string Label { get; private set; } = "";

    /// <summary>The parent category's key, or null for a top-level category.</summary>
    public int? ParentId { get; private set; }

    /// <summary>Display order among siblings, smallest first.</summary>
    public int Position { get; private set; }

    /// <summary>Applies the catalogue file's current wording and order; the id and slug never change.</summary>
    public void Update(string label, int? parentId, int position)
    {
        Label = label;
        ParentId = parentId;
        Position = position;
    }
}
