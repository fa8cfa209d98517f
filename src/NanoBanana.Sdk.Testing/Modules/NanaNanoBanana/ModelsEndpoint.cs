using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary><c>GET /models</c>: the catalog, the one endpoint that needs no API key.</summary>
internal static class ModelsEndpoint
{
    private static readonly ReadOnlyMemory<byte> Body = JsonResponse.Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("data");
        foreach (var model in NanaNanoBananaModelCatalog.All)
        {
            writer.WriteStartObject();
            writer.WriteString("name", model.Name);
            writer.WriteString("displayName", model.DisplayName);
            writer.WriteNumber("creditsCost", model.CreditsCost);
            writer.WriteBoolean("supportsImageInput", model.SupportsImageInput);
            writer.WriteBoolean("supportsAspectRatio", model.SupportsAspectRatio);
            writer.WriteBoolean("requiresPro", model.RequiresPro);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static Task HandleAsync(HttpContext context) =>
        JsonResponse.WriteRawAsync(context, StatusCodes.Status200OK, Body);
}
