using System.ComponentModel;

namespace NanoBanana.Sdk;

/// <summary>
/// The output size tier. The known values are static members; any other string is kept as given.
/// </summary>
public readonly struct ImageResolution : IEquatable<ImageResolution>
{
    private readonly string? _value;

    /// <summary>Creates a resolution from its wire value, for example <c>2K</c>.</summary>
    /// <param name="value">The value; must not be empty.</param>
    public ImageResolution(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>The 512-pixel tier (Gemini 3.1 Flash Image only).</summary>
    public static ImageResolution HalfK { get; } = new("512");
    /// <summary>About 1024 pixels on the long side; the default of every model.</summary>
    public static ImageResolution OneK { get; } = new("1K");
    /// <summary>About 2048 pixels on the long side.</summary>
    public static ImageResolution TwoK { get; } = new("2K");
    /// <summary>About 4096 pixels on the long side.</summary>
    public static ImageResolution FourK { get; } = new("4K");

    /// <summary>The wire value.</summary>
    public string Value => _value ?? "1K";

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(ImageResolution left, ImageResolution right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(ImageResolution left, ImageResolution right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator ImageResolution(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(ImageResolution other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ImageResolution other && Equals(other);
    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc/>
    public override string ToString() => Value;
}
