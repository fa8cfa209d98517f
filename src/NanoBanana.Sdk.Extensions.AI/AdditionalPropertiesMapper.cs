using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace NanoBanana.Sdk.Extensions.AI;

/// <summary>
/// Carries <see cref="ImageGenerationOptions.AdditionalProperties"/> into the vendor request as extra wire fields. Only
/// values with one obvious JSON form are taken, so no reflection-based serialization is needed (the package is AOT-safe).
/// </summary>
internal static class AdditionalPropertiesMapper
{
    /// <summary>The base request's fields, plus the options' fields it does not already set.</summary>
    public static IReadOnlyDictionary<string, JsonElement>? Merge(
        IReadOnlyDictionary<string, JsonElement>? baseProperties, AdditionalPropertiesDictionary? options)
    {
        if (options is null || options.Count == 0)
        {
            return baseProperties;
        }

        var merged = baseProperties is null
            ? new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(baseProperties, StringComparer.Ordinal);
        foreach (var (name, value) in options)
        {
            merged.TryAdd(name, ToJson(name, value));
        }

        return merged;
    }

    private static JsonElement ToJson(string name, object? value)
    {
        if (value is JsonElement element)
        {
            return element;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string text: writer.WriteStringValue(text); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case int number: writer.WriteNumberValue(number); break;
                case long number: writer.WriteNumberValue(number); break;
                case double number: writer.WriteNumberValue(number); break;
                case float number: writer.WriteNumberValue(number); break;
                case decimal number: writer.WriteNumberValue(number); break;
                default:
                    throw new NotSupportedException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"AdditionalProperties['{name}'] is a {value.GetType().Name}. Pass a JsonElement, string, number or bool, or return an ImageGenerationRequest with AdditionalProperties from RawRepresentationFactory."));
            }
        }

        using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        return document.RootElement.Clone();
    }
}
