using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Recording;
using NanoBanana.Sdk.Testing.Scenario;

namespace NanoBanana.Sdk.Testing.Hosting;

/// <summary>
/// Applies the scenario's latency and queued faults before a request reaches its endpoint, and records which requests
/// the endpoint ran, so a test can tell a submit the vendor ran (and charged) from one a fault answered in its place.
/// </summary>
internal sealed class ScenarioMiddleware(EmulatorScenario scenario, RequestRecorder recorder, IReadOnlyList<IEmulatorModule> modules)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.PathBase.Add(context.Request.Path);
        var module = FindModule(path);
        var latency = scenario.Latency;
        if (module is not null && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
        }

        var fault = scenario.TakeFault(context.Request.Method, path.Value ?? "/", isApiRequest: module is not null);
        switch (fault?.Kind)
        {
            case null:
                await RunAsync(context, next).ConfigureAwait(false);
                break;
            case EmulatorFaultKind.Slow:
                await SlowAsync(context, next, fault).ConfigureAwait(false);
                break;
            case EmulatorFaultKind.ResetBeforeHeaders or EmulatorFaultKind.ResetMidBody or EmulatorFaultKind.Stall or EmulatorFaultKind.TruncateStream:
                await RunSpoiledAsync(context, next, fault).ConfigureAwait(false);
                break;
            default:
                await FaultAnswers.WriteAsync(context, fault, module).ConfigureAwait(false);
                break;
        }
    }

    private Task RunAsync(HttpContext context, RequestDelegate next)
    {
        recorder.MarkHandled(RequestRecordingMiddleware.Current(context));
        return next(context);
    }

    private async Task SlowAsync(HttpContext context, RequestDelegate next, EmulatorFault fault)
    {
        try
        {
            await Task.Delay(fault.StallFor ?? Timeout.InfiniteTimeSpan, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up first: the request is never run.
            return;
        }

        await RunAsync(context, next).ConfigureAwait(false);
    }

    private async Task RunSpoiledAsync(HttpContext context, RequestDelegate next, EmulatorFault fault)
    {
        var original = context.Response.Body;
        context.Response.Body = new FaultingResponseStream(original, context, fault);
        try
        {
            await RunAsync(context, next).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // A stall the client gave up on, or a reset: nothing more can be sent.
        }
        finally
        {
            context.Response.Body = original;
        }
    }

    private IEmulatorModule? FindModule(PathString path)
    {
        foreach (var module in modules)
        {
            if (path.StartsWithSegments(module.PathPrefix, StringComparison.Ordinal))
            {
                return module;
            }
        }

        return null;
    }
}
