using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// <c>GET v1beta/models</c> (paged with <c>pageSize</c> and <c>pageToken</c>, default page 50, at most 1000) and
/// <c>GET v1beta/models/{model}</c>. Each entry is a <c>Model</c> resource named <c>models/&lt;id&gt;</c>.
/// </summary>
internal sealed class ModelsEndpoint(EmulatorState state)
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 1000;

    public async Task ListAsync(HttpContext context)
    {
        if (!await GeminiAuth.AuthorizeAsync(context, state.ApiKey).ConfigureAwait(false))
        {
            return;
        }

        var query = context.Request.Query;
        if (!TryReadPage(query["pageSize"].ToString(), query["pageToken"].ToString(), out var offset, out var size))
        {
            await GeminiErrors.WriteInvalidArgumentAsync(context, "Invalid pageSize or pageToken.").ConfigureAwait(false);
            return;
        }

        var all = GeminiModelCatalog.All;
        var next = offset + size;
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("models");
            foreach (var model in all.Skip(offset).Take(size))
            {
                Write(writer, model);
            }

            writer.WriteEndArray();
            if (next < all.Count)
            {
                writer.WriteString("nextPageToken", next.ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public async Task GetAsync(HttpContext context)
    {
        if (!await GeminiAuth.AuthorizeAsync(context, state.ApiKey).ConfigureAwait(false))
        {
            return;
        }

        var id = context.Request.RouteValues["model"] as string ?? string.Empty;
        if (!GeminiModelCatalog.TryFind(id, out var model))
        {
            await GeminiErrors.WriteNotFoundAsync(context, $"models/{id} is not found for API version v1beta.").ConfigureAwait(false);
            return;
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => Write(writer, model)).ConfigureAwait(false);
    }

    private static void Write(Utf8JsonWriter writer, GeminiModel model)
    {
        writer.WriteStartObject();
        writer.WriteString("name", model.Name);
        writer.WriteString("displayName", model.DisplayName);
        writer.WriteString("description", model.Description);
        writer.WriteStartArray("supportedGenerationMethods");
        writer.WriteStringValue("generateContent");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // The page token is the offset of the page's first model, as this emulator issued it in nextPageToken.
    private static bool TryReadPage(string sizeText, string token, out int offset, out int size)
    {
        offset = 0;
        size = DefaultPageSize;
        if (sizeText.Length > 0)
        {
            if (!int.TryParse(sizeText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out size) || size < 0)
            {
                return false;
            }

            size = size == 0 ? DefaultPageSize : Math.Min(size, MaxPageSize);
        }

        return token.Length == 0
            || (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset <= GeminiModelCatalog.All.Count);
    }
}
