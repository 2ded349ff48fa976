namespace Troc.Graph.Ide;

/// <summary>Banana Cake Pop at /graphql (configuration section <c>Graph:Ide</c>).</summary>
public sealed class IdeOptions
{
    public const string Section = "Graph:Ide";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The folder holding the IDE's index.html, absolute or relative to the content root. Unset, the server looks for
    /// <c>ide/node_modules/@chillicream/bananacakepop-graphql-ide</c> (where <c>npm ci --prefix Troc.Graph/ide</c>
    /// puts it) from the content root and from its own binaries' folder upwards.
    /// </summary>
    public string? AssetsPath { get; set; }

    /// <summary>What the IDE calls this API.</summary>
    public string Title { get; set; } = "Troc";
}
