using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// Source-generated JSON for the Ace Data wire types; no reflection. The images request is not here: it is written
/// by <see cref="AceDataImageRequestContent"/>, which streams reference images into the body.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(AceDataImageResponse))]
[JsonSerializable(typeof(AceDataTask))]
[JsonSerializable(typeof(AceDataTaskBatch))]
[JsonSerializable(typeof(AceDataTaskQuery))]
internal sealed partial class AceDataJsonContext : JsonSerializerContext;
