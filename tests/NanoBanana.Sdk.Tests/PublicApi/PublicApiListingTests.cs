namespace NanoBanana.Sdk.Tests.PublicApi;

/// <summary>The listing writes members as C# would declare them, so a reviewer reads a change without the source.</summary>
public sealed class PublicApiListingTests
{
    [Fact]
    public void Properties_show_required_init_accessors_and_nullability()
    {
        var lines = PublicApiListing.TypeLines(typeof(SampleOptions)).ToList();

        Assert.Equal("public class PublicApiListingTests.SampleOptions", lines[0]);
        Assert.Contains("    public required string Name { get; init; }", lines);
        Assert.Contains("    public string? Note { get; set; }", lines);
        Assert.Contains("    public IReadOnlyList<string?> Tags { get; }", lines);
        Assert.Contains("    public int Retries { get; protected set; }", lines);
        Assert.DoesNotContain(lines, line => line.Contains("Hidden", StringComparison.Ordinal));
    }

    [Fact]
    public void Methods_show_modifiers_generics_and_default_values()
    {
        var lines = PublicApiListing.TypeLines(typeof(SampleClient)).ToList();

        Assert.Equal(
            [
                "public abstract class PublicApiListingTests.SampleClient : IDisposable",
                "    public const string DefaultName = \"sample\";",
                "    protected SampleClient(Uri? baseAddress);",
                "    public Uri? BaseAddress { get; }",
                "    public void Dispose();",
                "    public abstract Task<T?> FindAsync<T>(string key, int? limit = null, DayOfWeek day = DayOfWeek.Monday, CancellationToken cancellationToken = default) where T : class;",
                "    public static PublicApiListingTests.SampleClient? Parse(params string[] parts);",
                "    public virtual string ToString(bool verbose);",
            ],
            lines);
    }

    [Fact]
    public void Records_structs_and_enums_are_declared_with_their_kind()
    {
        Assert.Equal("public sealed record PublicApiListingTests.SampleRecord : IEquatable<PublicApiListingTests.SampleRecord>",
            PublicApiListing.TypeLines(typeof(SampleRecord)).First());
        var value = PublicApiListing.TypeLines(typeof(SampleValue)).ToList();
        Assert.Equal("public readonly struct PublicApiListingTests.SampleValue : IEquatable<PublicApiListingTests.SampleValue>", value[0]);
        Assert.Contains("    public static bool operator ==(PublicApiListingTests.SampleValue left, PublicApiListingTests.SampleValue right);", value);
        Assert.Equal(["[Flags]", "public enum PublicApiListingTests.SampleTraits : byte", "    None = 0,", "    Fast = 1,", "    Cheap = 2,"],
            PublicApiListing.TypeLines(typeof(SampleTraits)));
    }

    [Fact]
    public void Diff_shows_the_changed_lines_under_their_type()
    {
        var before = "namespace N\n\npublic class A\n    public int X { get; }\n    public int Y { get; }\n\npublic class B\n";
        var after = "namespace N\n\npublic class A\n    public int X { get; }\n    public long Y { get; }\n\npublic class B\n";

        var diff = LineDiff.Create(before, after);

        Assert.Equal("@@ line 5, in: public class A\n-     public int Y { get; }\n+     public long Y { get; }\n", diff);
        Assert.Equal("", LineDiff.Create(before, before));
    }

    public class SampleOptions
    {
        public required string Name { get; init; }

        public string? Note { get; set; }

        public IReadOnlyList<string?> Tags { get; } = [];

        public int Retries { get; protected set; }

        internal int Hidden { get; set; }
    }

    public abstract class SampleClient(Uri? baseAddress) : IDisposable
    {
        public const string DefaultName = "sample";

        public Uri? BaseAddress => baseAddress;

        public static SampleClient? Parse(params string[] parts) => parts.Length == 0 ? null : throw new NotSupportedException();

        public abstract Task<T?> FindAsync<T>(string key, int? limit = null, DayOfWeek day = DayOfWeek.Monday, CancellationToken cancellationToken = default)
            where T : class;

        public virtual string ToString(bool verbose) => verbose ? DefaultName : "";

        public void Dispose() => GC.SuppressFinalize(this);
    }

    public sealed record SampleRecord(string Name);

    public readonly struct SampleValue : IEquatable<SampleValue>
    {
        public bool Equals(SampleValue other) => true;

        public override bool Equals(object? obj) => obj is SampleValue;

        public override int GetHashCode() => 0;

        public static bool operator ==(SampleValue left, SampleValue right) => left.Equals(right);

        public static bool operator !=(SampleValue left, SampleValue right) => !left.Equals(right);
    }

    [Flags]
    public enum SampleTraits : byte
    {
        None = 0,
        Fast = 1,
        Cheap = 2,
    }
}
