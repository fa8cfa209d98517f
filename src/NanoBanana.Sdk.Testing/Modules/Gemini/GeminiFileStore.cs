using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// The Files API's state: open resumable upload sessions and finished files (metadata only — uploaded files cannot be
/// downloaded). Files do not expire while the emulator runs, although their <c>expirationTime</c> says 48 hours.
/// </summary>
internal sealed class GeminiFileStore(GeminiIdGenerator ids, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, UploadSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GeminiFile> _files = new(StringComparer.Ordinal);

    public UploadSession StartUpload(string? displayName, string mimeType, long? declaredLength)
    {
        var session = new UploadSession(ids.NextOpaqueId(), displayName, mimeType, declaredLength);
        _sessions[session.Id] = session;
        return session;
    }

    public bool TryGetSession(string id, [NotNullWhen(true)] out UploadSession? session) => _sessions.TryGetValue(id, out session);

    /// <summary>Ends the session and keeps the file; <paramref name="uriFor"/> makes the file's URI from its id.</summary>
    public GeminiFile Finalize(UploadSession session, Func<string, Uri> uriFor)
    {
        _sessions.TryRemove(session.Id, out _);
        var content = session.Content();
        var id = ids.NextFileId();
        var file = new GeminiFile(
            id,
            session.DisplayName,
            session.MimeType,
            content.Length,
            Convert.ToHexStringLower(SHA256.HashData(content)),
            time.GetUtcNow(),
            uriFor(id));
        _files[id] = file;
        return file;
    }

    public bool TryGet(string id, [NotNullWhen(true)] out GeminiFile? file) => _files.TryGetValue(id, out file);

    public bool TryDelete(string id) => _files.TryRemove(id, out _);
}
