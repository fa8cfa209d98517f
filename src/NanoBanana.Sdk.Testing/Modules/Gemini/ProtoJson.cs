using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// Reads request JSON the way Google's proto3 JSON parser does (protocols/gemini-official.md): a field may be spelled
/// lowerCamelCase or snake_case, JSON null means absent, integers may be JSON strings, and a wrong type or an unknown
/// field name is a 400 whose message names the field by its snake_case path, as Google's messages do.
/// </summary>
internal static class ProtoJson
{
    private const int MaxEchoedLength = 100;

    /// <summary>A set of field names holding each name in both spellings.</summary>
    public static FrozenSet<string> Names(params string[] camelCaseNames) =>
        camelCaseNames.Concat(camelCaseNames.Select(SnakeCase)).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The field in either spelling; null when it is missing or JSON null.</summary>
    public static JsonElement? Field(JsonElement message, string camelCaseName)
    {
        if (message.TryGetProperty(camelCaseName, out var value) || message.TryGetProperty(SnakeCase(camelCaseName), out value))
        {
            return value.ValueKind == JsonValueKind.Null ? null : value;
        }

        return null;
    }

    /// <summary>Throws Google's "Unknown name" error for the first field that is not in <paramref name="known"/>.</summary>
    public static void RejectUnknownFields(JsonElement message, string path, FrozenSet<string> known)
    {
        foreach (var property in message.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                var at = path.Length == 0 ? string.Empty : $" at '{path}'";
                throw new GeminiInvalidArgumentException(
                    $"Invalid JSON payload received. Unknown name \"{property.Name}\"{at}: Cannot find field.");
            }
        }
    }

    /// <summary>The element as an object; anything else is a 400 naming <paramref name="path"/>.</summary>
    public static JsonElement Object(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? element : throw InvalidValue(path, "TYPE_MESSAGE", element);

    /// <summary>The element as an array; anything else is a 400 naming <paramref name="path"/>.</summary>
    public static JsonElement Array(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Array ? element : throw InvalidValue(path, "TYPE_MESSAGE", element);

    /// <summary>The element as a string; anything else is a 400 naming <paramref name="path"/>.</summary>
    public static string String(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw InvalidValue(path, "TYPE_STRING", element);

    /// <summary>The element as a boolean; anything else is a 400 naming <paramref name="path"/>.</summary>
    public static bool Boolean(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw InvalidValue(path, "TYPE_BOOL", element),
    };

    /// <summary>The element as a 32-bit integer, given as a JSON number or a decimal string.</summary>
    public static int Int32(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var number))
        {
            return number;
        }

        if (element.ValueKind == JsonValueKind.String
            && int.TryParse(element.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw InvalidValue(path, "TYPE_INT32", element);
    }

    /// <summary>
    /// Decodes a proto3 <c>bytes</c> field: standard or URL-safe base64, padding optional. Returns the decoded length;
    /// invalid text is Google's "Base64 decoding failed" 400 (without echoing the payload).
    /// </summary>
    public static int Base64Length(JsonElement element, string path)
    {
        var text = String(element, path);
        var normalized = new StringBuilder(text.Length + 2).Append(text).Replace('-', '+').Replace('_', '/');
        if (normalized.Length % 4 != 0)
        {
            normalized.Append('=', 4 - (normalized.Length % 4));
        }

        var buffer = new byte[normalized.Length / 4 * 3];
        return Convert.TryFromBase64String(normalized.ToString(), buffer, out var written)
            ? written
            : throw new GeminiInvalidArgumentException($"Invalid value at '{path}' (TYPE_BYTES), Base64 decoding failed.");
    }

    /// <summary>Google's message for a value of the wrong type or outside an enum.</summary>
    public static GeminiInvalidArgumentException InvalidValue(string path, string type, JsonElement value)
    {
        var raw = value.ValueKind == JsonValueKind.String ? "\"" + value.GetString() + "\"" : value.GetRawText();
        if (raw.Length > MaxEchoedLength)
        {
            raw = string.Concat(raw.AsSpan(0, MaxEchoedLength), "...");
        }

        return new GeminiInvalidArgumentException($"Invalid value at '{path}' ({type}), {raw}");
    }

    /// <summary>The proto field name of a JSON name: <c>inlineData</c> becomes <c>inline_data</c>.</summary>
    public static string SnakeCase(string camelCaseName)
    {
        var builder = new StringBuilder(camelCaseName.Length + 4);
        foreach (var character in camelCaseName)
        {
            if (char.IsAsciiLetterUpper(character))
            {
                builder.Append('_').Append(char.ToLowerInvariant(character));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    /// <summary>Appends a field to a snake_case path: <c>generation_config</c> + <c>imageConfig</c>.</summary>
    public static string Path(string parent, string camelCaseName) =>
        parent.Length == 0 ? SnakeCase(camelCaseName) : parent + "." + SnakeCase(camelCaseName);

    /// <summary>Appends an index to a path: <c>contents[0]</c>.</summary>
    public static string Path(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
