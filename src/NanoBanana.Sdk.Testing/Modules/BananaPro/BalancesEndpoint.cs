using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary><c>GET /api/v1/account/balances</c>: the API wallet is the emulator's credit account; the web wallet is fixed.</summary>
internal sealed class BalancesEndpoint(EmulatorState state)
{
    /// <summary>The web wallet, which API calls never draw from (the documented example's value).</summary>
    private const int WebCredits = 100;

    public async Task HandleAsync(HttpContext context)
    {
        if (!await BananaProAuth.CheckAsync(context, state.ApiKey).ConfigureAwait(false))
        {
            return;
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WriteString("request_id", BananaProErrors.NewRequestId());
            writer.WriteStartObject("data");
            writer.WriteNumber("web_credits", WebCredits);
            writer.WriteNumber("api_credits", state.Credits.Balance);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
