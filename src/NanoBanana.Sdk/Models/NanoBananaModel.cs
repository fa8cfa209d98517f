using System.ComponentModel;

namespace NanoBanana.Sdk;

/// <summary>
/// A model name. The static members are vendor-neutral names that each provider maps to its own id; any other
/// string is sent to the vendor exactly as given, so vendor-specific ids (see the provider's docs page) work too.
/// </summary>
public readonly struct NanoBananaModel : IEquatable<NanoBananaModel>
{
    private readonly string? _value;

    /// <summary>Creates a model name.</summary>
    /// <param name="value">The model id or neutral name; must not be empty.</param>
    public NanoBananaModel(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>Nano Banana: Gemini 2.5 Flash Image.</summary>
    public static NanoBananaModel NanoBanana { get; } = new("gemini-2.5-flash-image");
    /// <summary>Nano Banana Pro: Gemini 3 Pro Image.</summary>
    public static NanoBananaModel NanoBananaPro { get; } = new("gemini-3-pro-image-preview");
    /// <summary>Nano Banana 2: Gemini 3.1 Flash Image.</summary>
    public static NanoBananaModel NanoBanana2 { get; } = new("gemini-3.1-flash-image-preview");

    /// <summary>The model id.</summary>
    public string Value => _value ?? NanoBanana._value!;

    /// <summary>Compares two names, ignoring case.</summary>
    public static bool operator ==(NanoBananaModel left, NanoBananaModel right) => left.Equals(right);
    /// <summary>Compares two names, ignoring case.</summary>
    public static bool operator !=(NanoBananaModel left, NanoBananaModel right) => !left.Equals(right);
    /// <summary>Converts a model id.</summary>
    public static implicit operator NanoBananaModel(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(NanoBananaModel other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is NanoBananaModel other && Equals(other);
    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc/>
    public override string ToString() => Value;
}
