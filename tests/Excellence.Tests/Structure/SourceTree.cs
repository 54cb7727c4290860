namespace Excellence.Tests.Structure;

/// <summary>The repository's source tree, found from the test binaries by walking up to Excellence.slnx.</summary>
public static class SourceTree
{
    public static string Root { get; } = Find();

    public static string Web => Path.Combine(Root, "src", "Excellence.Web");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Excellence.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Excellence.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Source files under a folder, without build output.</summary>
    public static IEnumerable<string> Files(string folder, params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(folder, p, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal);
}
