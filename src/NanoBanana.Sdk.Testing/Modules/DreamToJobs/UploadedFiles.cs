using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary>The uploaded files by id, and the URLs they are served at: <c>{root}dreamto/uploads/{id}/{file name}</c>.</summary>
internal sealed class UploadedFiles
{
    private readonly ConcurrentDictionary<string, UploadedFile> _files = new(StringComparer.Ordinal);

    public Uri Add(UploadedFile file, Uri baseAddress)
    {
        _files[file.Id] = file;
        return new Uri(baseAddress, DreamToJobsModule.UploadsPath + Uri.EscapeDataString(file.Id) + "/" + Uri.EscapeDataString(file.FileName));
    }

    public bool TryGet(string id, [NotNullWhen(true)] out UploadedFile? file) => _files.TryGetValue(id, out file);

    /// <summary>Whether a URL points into this emulator's upload area (whether or not the file exists).</summary>
    public static bool IsUploadUrl(Uri url, Uri baseAddress) =>
        Uri.Compare(url, baseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && url.AbsolutePath.StartsWith("/" + DreamToJobsModule.UploadsPath, StringComparison.Ordinal);

    /// <summary>Finds the file an upload URL names.</summary>
    public bool TryFind(Uri url, [NotNullWhen(true)] out UploadedFile? file)
    {
        var rest = url.AbsolutePath[(DreamToJobsModule.UploadsPath.Length + 1)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        file = null;
        return slash > 0 && TryGet(Uri.UnescapeDataString(rest[..slash]), out file);
    }
}
