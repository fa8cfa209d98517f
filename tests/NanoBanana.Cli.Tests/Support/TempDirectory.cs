namespace NanoBanana.Cli.Tests.Support;

/// <summary>A fresh directory for a test's downloads, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>The directory's full path; it does not exist until something is saved into it.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nanobanana-cli-tests", Guid.NewGuid().ToString("N"));

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
