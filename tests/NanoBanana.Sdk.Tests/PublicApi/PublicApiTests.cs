using System.Reflection;

namespace NanoBanana.Sdk.Tests.PublicApi;

/// <summary>
/// Each package's public surface must match its checked-in listing <c>api/&lt;Package&gt;.txt</c>, so every public
/// change shows in review. After an intended change, regenerate the listings and commit them with the change.
/// </summary>
public sealed class PublicApiTests
{
    private const string UpdateVariable = "NANOBANANA_UPDATE_API";

    public static TheoryData<string> Packages => [.. RepositoryLayout.Packages()];

    [Theory]
    [MemberData(nameof(Packages))]
    public void Public_surface_matches_the_checked_in_listing(string package)
    {
        var actual = PublicApiListing.Create(LoadPackageAssembly(package));
        var path = Path.Combine(RepositoryLayout.ApiFolder, package + ".txt");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(RepositoryLayout.ApiFolder);
            File.WriteAllText(path, actual);
            return;
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        var diff = LineDiff.Create(expected, actual);
        Assert.True(diff.Length == 0,
            $"The public API of {package} differs from api/{package}.txt ('-' checked in, '+' now):\n{diff}\n" +
            $"If the change is intended, regenerate the listings and commit them with it:\n" +
            $"    {UpdateVariable}=1 dotnet test tests/NanoBanana.Sdk.Tests --filter FullyQualifiedName~{typeof(PublicApiTests).FullName}\n" +
            "and review the diff of api/*.txt.");
    }

    [Fact]
    public void Every_listing_belongs_to_a_package()
    {
        var packages = RepositoryLayout.Packages();
        var listings = Directory.Exists(RepositoryLayout.ApiFolder)
            ? Directory.GetFiles(RepositoryLayout.ApiFolder, "*.txt").Select(Path.GetFileNameWithoutExtension)
            : [];

        Assert.All(listings, listing => Assert.Contains(listing, packages));
    }

    private static Assembly LoadPackageAssembly(string package)
    {
        try
        {
            return Assembly.Load(package);
        }
        catch (FileNotFoundException exception)
        {
            throw new InvalidOperationException(
                $"src/{package} is a package, so the test project must reference it to list its public API: add a ProjectReference to tests/NanoBanana.Sdk.Tests.",
                exception);
        }
    }
}
