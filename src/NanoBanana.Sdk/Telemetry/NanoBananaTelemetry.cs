using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NanoBanana.Sdk.Telemetry;

/// <summary>The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>NanoBanana.Sdk</c>.</summary>
public static class NanoBananaTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "NanoBanana.Sdk";

    /// <summary>Spans for every public call, tagged with the <c>gen_ai.*</c> attributes.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, typeof(NanoBananaTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Metrics for request duration, polls and images.</summary>
    public static Meter Meter { get; } = new(Name, typeof(NanoBananaTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Histogram<double> RequestDuration =
        Meter.CreateHistogram<double>("nanobanana.client.request.duration", "s", "Duration of HTTP calls to the vendor.");

    internal static readonly Counter<long> Polls =
        Meter.CreateCounter<long>("nanobanana.client.polls", "{poll}", "Status reads of running jobs.");

    internal static readonly Counter<long> Images =
        Meter.CreateCounter<long>("nanobanana.client.images", "{image}", "Images returned by finished jobs.");

    internal static Activity? StartCall(string operation, string provider, string? model)
    {
        var activity = ActivitySource.StartActivity($"{operation} {provider}", ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("gen_ai.operation.name", operation);
            activity.SetTag("gen_ai.provider.name", provider);
            if (model is not null)
            {
                activity.SetTag("gen_ai.request.model", model);
            }
        }

        return activity;
    }

    internal static void Completed(Activity? activity, string? operationId)
    {
        if (activity is not null && operationId is not null)
        {
            activity.SetTag("gen_ai.response.id", operationId);
            activity.SetTag("nanobanana.operation.id", operationId);
        }
    }

    internal static void Failed(Activity? activity, Exception exception)
    {
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activity.SetTag("error.type", exception.GetType().FullName);
            if (exception is NanoBananaException { OperationId: { } id })
            {
                activity.SetTag("nanobanana.operation.id", id);
            }
        }
    }
}
