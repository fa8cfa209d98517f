using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary><c>GET /credits</c>: the live balance that generations draw down.</summary>
internal sealed class CreditsEndpoint(EmulatorState state)
{
    public Task HandleAsync(HttpContext context)
    {
        if (!NanaNanoBananaAuth.IsAuthorized(context, state.ApiKey))
        {
            return NanaNanoBananaErrors.WriteUnauthorizedAsync(context);
        }

        var credits = state.Credits.Balance;
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteNumber("credits", credits);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }
}
