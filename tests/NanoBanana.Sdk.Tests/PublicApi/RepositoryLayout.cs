namespace NanoBanana.Sdk.Tests.PublicApi;

/// <summary>Where the repository's packages and API listings are, found from the test binaries' folder.</summary>
internal static class RepositoryLayout
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds the solution file.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The folder of the checked-in listings, <c>api/</c>.</summary>
    public static string ApiFolder => Path.Combine(Root, "api");

    /// <summary>The package names: every project folder directly under <c>src/</c> is a package (as in Directory.Build.props).</summary>
    public static IReadOnlyList<string> Packages() =>
        [.. Directory.GetDirectories(Path.Combine(Root, "src"))
            .Where(folder => File.Exists(Path.Combine(folder, Path.GetFileName(folder) + ".csproj")))
            .Select(folder => Path.GetFileName(folder))
            .Order(StringComparer.Ordinal)];

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NanoBanana.Sdk.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No NanoBanana.Sdk.sln above {AppContext.BaseDirectory}.");
    }
}
