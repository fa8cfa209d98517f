using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NanoBanana.Sdk.Testing.Hosting;

namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>
/// The BananaPro gateway (protocols/bananapro.md): submit, the assumed status path, balances, and account webhooks with
/// signed deliveries, all counted against the daily request limit when the scenario sets one.
/// </summary>
internal sealed class BananaProModule : IEmulatorModule
{
    /// <summary>The gateway root relative to the emulator's root, with a trailing slash; the vendor's paths start with <c>api/v1/</c> under it.</summary>
    public const string RelativeBasePath = "bananapro/";

    private readonly EmulatorState _state;
    private readonly BananaProTaskStore _tasks = new();
    private readonly WebhookRegistry _webhooks = new();
    private readonly DailyRequestLimit _daily;

    public BananaProModule(EmulatorState state)
    {
        _state = state;
        _daily = new DailyRequestLimit(state);
    }

    public PathString PathPrefix { get; } = new("/" + RelativeBasePath.TrimEnd('/'));

    public void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(PathPrefix + "/api/v1");
        api.MapPost("/images/generate", _daily.Guard(new GenerateEndpoint(_state, _tasks, new WebhookDelivery(_state, _webhooks)).HandleAsync));
        api.MapGet("/images/{taskId}", _daily.Guard(new TaskEndpoint(_state, _tasks).HandleAsync));
        api.MapGet("/account/balances", _daily.Guard(new BalancesEndpoint(_state).HandleAsync));
        var webhooks = new WebhookEndpoints(_state, _webhooks);
        api.MapGet("/webhooks", _daily.Guard(webhooks.ListAsync));
        api.MapPost("/webhooks", _daily.Guard(webhooks.CreateAsync));
        api.MapDelete("/webhooks/{id}", _daily.Guard(webhooks.DeleteAsync));
    }

    public Task WriteErrorAsync(HttpContext context, int statusCode) => BananaProErrors.WriteForStatusAsync(context, statusCode);
}
