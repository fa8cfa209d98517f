using System.ComponentModel;

namespace NanoBanana.Sdk;

/// <summary>The state of a generation job. Vendor states map onto these; an unknown state keeps its wire value.</summary>
public readonly struct ImageGenerationStatus : IEquatable<ImageGenerationStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its value.</summary>
    /// <param name="value">The value; must not be empty.</param>
    public ImageGenerationStatus(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>Accepted, not yet running.</summary>
    public static ImageGenerationStatus Queued { get; } = new("queued");
    /// <summary>Running.</summary>
    public static ImageGenerationStatus Running { get; } = new("running");
    /// <summary>Finished with images.</summary>
    public static ImageGenerationStatus Succeeded { get; } = new("succeeded");
    /// <summary>Finished without images (failed or content-filtered).</summary>
    public static ImageGenerationStatus Failed { get; } = new("failed");
    /// <summary>Canceled before it finished.</summary>
    public static ImageGenerationStatus Canceled { get; } = new("canceled");

    /// <summary>The value.</summary>
    public string Value => _value ?? Queued._value!;

    /// <summary>Whether the job has reached an end state.</summary>
    public bool IsTerminal => this == Succeeded || this == Failed || this == Canceled;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(ImageGenerationStatus left, ImageGenerationStatus right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(ImageGenerationStatus left, ImageGenerationStatus right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ImageGenerationStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ImageGenerationStatus other && Equals(other);
    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc/>
    public override string ToString() => Value;
}
