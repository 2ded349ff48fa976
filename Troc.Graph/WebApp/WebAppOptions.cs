namespace Troc.Graph.WebApp;

/// <summary>The web app (configuration section <c>WebApp</c>): the built files of <c>client/</c>, served at the site's root.</summary>
public sealed class WebAppOptions
{
    public const string Section = "WebApp";

    /// <summary>False to serve the API alone even when a built app exists (the API's own tests do).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The folder holding the built app (its index.html), absolute or relative to the content root. Unset, the server
    /// looks for <c>client/dist</c> (where <c>./troc build</c> puts it) from the content root and from its own binaries'
    /// folder upwards. No folder, no web app: the server is then the API alone.
    /// </summary>
    public string? Path { get; set; }
}
