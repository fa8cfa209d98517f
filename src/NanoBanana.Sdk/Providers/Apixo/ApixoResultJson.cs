using System.Text.Json;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// Parses <c>resultJson</c> (<c>{"resultUrls": [...]}</c>, itself delivered inside a JSON string) with the source-generated
/// context. <c>resultUrls</c> is documented as an array; a single string is accepted too.
/// </summary>
internal static class ApixoResultJson
{
    public static bool TryReadUrls(string? resultJson, out IReadOnlyList<string> urls)
    {
        urls = [];
        if (string.IsNullOrWhiteSpace(resultJson))
        {
            return false;
        }

        ApixoResultPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(resultJson, ApixoJsonContext.Default.ApixoResultPayload);
        }
        catch (JsonException)
        {
            return false;
        }

        switch (payload?.ResultUrls)
        {
            case { ValueKind: JsonValueKind.String } single when single.GetString() is { Length: > 0 } url:
                urls = [url];
                return true;
            case { ValueKind: JsonValueKind.Array } array:
                var list = new List<string>(array.GetArrayLength());
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } url)
                    {
                        return false;
                    }

                    list.Add(url);
                }

                urls = list;
                return list.Count > 0;
            default:
                return false;
        }
    }
}
