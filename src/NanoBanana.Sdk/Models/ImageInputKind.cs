namespace NanoBanana.Sdk;

/// <summary>Where a reference image comes from.</summary>
public enum ImageInputKind
{
    /// <summary>Bytes in memory.</summary>
    Bytes,

    /// <summary>A local file, read when the request is sent.</summary>
    File,

    /// <summary>A public http(s) URL the vendor fetches.</summary>
    Uri,
}
