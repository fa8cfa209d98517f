using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FsCheck;
using FsCheck.Fluent;

namespace NanoBanana.Sdk.Tests.Properties;

/// <summary>
/// Inputs for the parser properties: arbitrary bytes, arbitrary JSON built from the field names the SDK reads (so the
/// generated documents reach the parsers' interesting paths), valid vendor examples with a few parts changed, and SSE text.
/// </summary>
public static class FuzzGen
{
    /// <summary>How many cases each property runs: enough to find type confusions, few enough to keep the suite fast.</summary>
    public const int CasesPerProperty = 200;

    private static readonly string[] Words =
    [
        "", " ", "null", "true", "0", "-1", "1e309", "completed", "COMPLETED", "succeeded", "success", "SUCCESS", "failed", "FAILED",
        "fail", "error", "processing", "pending", "queued", "running", "in_progress", "canceled", "cancelled", "STOP", "SAFETY",
        "IMAGE_SAFETY", "PROHIBITED_CONTENT", "CONTENT_VIOLATION", "image/png", "image/jpeg", "text/plain", "nano-banana",
        "https://cdn.example.com/a.png", "http://127.0.0.1/x.png", "//no-scheme/x.png", "not a url", "ftp://x/y", "data:image/png;base64,iVBORw0KGgo=",
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8Xw8AAoMBgAqJvhoAAAAASUVORK5CYII=", "!!not base64!!", "#blob:0",
        "[\"https://cdn.example.com/a.png\"]", "{\"resultUrls\":[\"https://cdn.example.com/a.png\"]}", "{\"resultUrls\":null}", "[1,2]", "{", "\\u0000",
        "2026-01-01T00:00:00Z", "1704067200000",
    ];

    private static readonly string[] Numbers =
    [
        "0", "1", "-1", "2", "100", "101", "255", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1.5", "-0.0", "1e3", "1e309", "-1e309",
    ];

    /// <summary>Arbitrary bytes, up to a few hundred.</summary>
    public static Arbitrary<byte[]> Bytes() => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf().ToArbitrary();

    /// <summary>Arbitrary JSON text: random documents over <paramref name="vocabulary"/>, and <paramref name="seeds"/> with a few parts changed.</summary>
    public static Arbitrary<string> Json(IReadOnlyList<string> vocabulary, IReadOnlyList<string> seeds) =>
        Gen.Frequency((2, Document(vocabulary)), (3, Mutant(vocabulary, seeds))).ToArbitrary();

    /// <summary>Arbitrary SSE text: fields, comments and blank lines around JSON, changed examples and junk.</summary>
    public static Arbitrary<string> ServerSentEvents(IReadOnlyList<string> vocabulary, IReadOnlyList<string> seeds)
    {
        var data = Gen.OneOf<string>(Document(vocabulary), Mutant(vocabulary, seeds), Gen.Elements<string>(Words), Gen.Elements<string>(seeds));
        var line = Gen.Frequency(
            (6, data.Select(d => "data: " + d.ReplaceLineEndings(" "))),
            (1, Gen.Elements("event: message", "event: error", ": keep-alive", "id: 7", "retry: 10", "data:", "data", "", "\u0000garbage")));
        var newline = Gen.Elements("\n", "\r\n", "\n\n", "\r");
        return line.SelectMany(l => newline, (l, n) => l + n).ListOf().Select(string.Concat).ToArbitrary();
    }

    /// <summary>The JSON property names a provider's source-generated context reads, plus the names in its examples.</summary>
    /// <param name="context">The provider's <see cref="JsonSerializerContext"/>.</param>
    /// <param name="seeds">Its example bodies.</param>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> Vocabulary(JsonSerializerContext context, IReadOnlyList<string> seeds)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in context.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => typeof(JsonTypeInfo).IsAssignableFrom(p.PropertyType)))
        {
            if (property.GetValue(context) is JsonTypeInfo { Kind: JsonTypeInfoKind.Object } info)
            {
                names.UnionWith(info.Properties.Select(p => p.Name));
            }
        }

        foreach (var seed in seeds)
        {
            CollectNames(JsonNode.Parse(seed), names);
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    /// <summary>The JSON object examples among a fixture class's string constants.</summary>
    /// <param name="fixtures">The fixture class.</param>
    /// <param name="more">Further examples built by its helpers.</param>
    /// <returns>The examples.</returns>
    public static IReadOnlyList<string> Seeds(Type fixtures, params string[] more) =>
        [.. fixtures.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(more)
            .Where(IsJsonObject)];

    private static Gen<string> Document(IReadOnlyList<string> vocabulary) =>
        Gen.Sized(size => Value(vocabulary, Math.Min(4, 1 + (size / 25)))).Select(node => node?.ToJsonString() ?? "null");

    private static Gen<JsonNode?> Value(IReadOnlyList<string> vocabulary, int depth)
    {
        var scalar = Gen.OneOf(
            Gen.Constant<JsonNode?>(null),
            Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Elements(Numbers).Select(n => JsonNode.Parse(n)),
            Gen.Elements(Words).Select(w => (JsonNode?)JsonValue.Create(w)),
            ArbMap.Default.ArbFor<string>().Generator.Where(s => s is not null).Select(s => (JsonNode?)JsonValue.Create(s)));
        if (depth <= 0)
        {
            return scalar;
        }

        var key = Gen.Frequency((5, Gen.Elements(vocabulary.Count > 0 ? [.. vocabulary] : new[] { "data" })), (1, Gen.Elements(Words)));
        var member = key.SelectMany(_ => Value(vocabulary, depth - 1), (k, v) => (Key: k, Value: v));
        var obj = Gen.Choose(0, 6).SelectMany(n => member.ListOf(n), (_, members) =>
        {
            var node = new JsonObject();
            foreach (var (k, v) in members)
            {
                node[k] = v;
            }

            return (JsonNode?)node;
        });
        var array = Gen.Choose(0, 4).SelectMany(n => Value(vocabulary, depth - 1).ListOf(n), (_, items) => (JsonNode?)new JsonArray([.. items]));
        return Gen.Frequency((2, scalar), (3, obj), (1, array));
    }

    private static Gen<string> Mutant(IReadOnlyList<string> vocabulary, IReadOnlyList<string> seeds) =>
        seeds.Count == 0
            ? Document(vocabulary)
            : Gen.Elements([.. seeds]).SelectMany(
                _ => Gen.Choose(1, 3).SelectMany(n => Gen.Choose(0, int.MaxValue).SelectMany(_ => Value(vocabulary, 2), (pick, value) => (Pick: pick, Value: value)).ListOf(n)),
                (seed, edits) => Mutate(seed, edits));

    /// <summary>Applies each edit to one node picked by its number: replace it, remove it, or add a sibling.</summary>
    private static string Mutate(string seed, IEnumerable<(int Pick, JsonNode? Value)> edits)
    {
        var root = JsonNode.Parse(seed)!;
        foreach (var (pick, value) in edits)
        {
            var nodes = Descendants(root).ToList();
            var target = nodes[pick % nodes.Count];
            switch (pick % 3)
            {
                case 0 when target.Parent is JsonObject parent:
                    parent[target.GetPropertyName()] = value;
                    break;
                case 1 when target.Parent is JsonObject parent:
                    parent.Remove(target.GetPropertyName());
                    break;
                case 1 when target.Parent is JsonArray items:
                    items.Remove(target);
                    break;
                case 2 when target is JsonObject obj:
                    obj[Words[pick % Words.Length]] = value;
                    break;
                default:
                    if (target.Parent is JsonArray list)
                    {
                        list.Add(value);
                    }

                    break;
            }
        }

        return root.ToJsonString();
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private static void CollectNames(JsonNode? node, HashSet<string> names)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj)
            {
                names.Add(name);
                CollectNames(value, names);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                CollectNames(item, names);
            }
        }
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>UTF-8 bytes of a text input.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
