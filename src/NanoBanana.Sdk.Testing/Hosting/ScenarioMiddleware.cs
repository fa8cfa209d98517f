using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Hosting;

/// <summary>Applies the scenario's latency and queued faults before a request reaches its endpoint.</summary>
internal sealed class ScenarioMiddleware(EmulatorScenario scenario, IReadOnlyList<IEmulatorModule> modules)
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
        if (fault is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await WriteFaultAsync(context, fault, module).ConfigureAwait(false);
    }

    private static async Task WriteFaultAsync(HttpContext context, EmulatorFault fault, IEmulatorModule? module)
    {
        if (fault.RetryAfter is TimeSpan retryAfter)
        {
            var seconds = (long)Math.Ceiling(Math.Max(0, retryAfter.TotalSeconds));
            context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (fault.Body is not null)
        {
            await JsonResponse.WriteRawAsync(context, fault.StatusCode, Encoding.UTF8.GetBytes(fault.Body)).ConfigureAwait(false);
        }
        else if (module is not null)
        {
            await module.WriteErrorAsync(context, fault.StatusCode).ConfigureAwait(false);
        }
        else
        {
            // Paths outside every vendor API (image files) have no documented error body.
            context.Response.StatusCode = fault.StatusCode;
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
