namespace Troc.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding Troc.slnx, found from the test binaries upwards.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Troc.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Troc.slnx not found above " + AppContext.BaseDirectory);
    }
}
