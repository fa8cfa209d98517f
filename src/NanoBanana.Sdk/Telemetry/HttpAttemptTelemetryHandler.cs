using System.Diagnostics;
using System.Globalization;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Telemetry;

/// <summary>
/// One span per HTTP attempt. It sits inside the resilience handler, so each retry of a call is a span of its own with
/// <c>http.request.resend_count</c>. The URL is recorded without its query string and user info: a key can travel there
/// (Gemini's <c>?key=</c>). Headers and bodies are never recorded.
/// </summary>
internal sealed class HttpAttemptTelemetryHandler : DelegatingHandler
{
    /// <summary>How many times this request message went through the handler, so a retry knows its resend count.</summary>
    private static readonly HttpRequestOptionsKey<int> Attempts = new("NanoBanana.Telemetry.Attempts");

    /// <inheritdoc/>
    /// <remarks>With no listener on the source there is no span to record, so the attempt passes straight through.</remarks>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        NanoBananaTelemetry.ActivitySource.HasListeners() ? SendTracedAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendTracedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var resendCount = request.Options.TryGetValue(Attempts, out var sent) ? sent : 0;
        request.Options.Set(Attempts, resendCount + 1);

        using var activity = Start(request, resendCount);
        if (activity is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            activity.SetTag(TelemetryTags.HttpStatusCode, status);
            if (status >= 400)
            {
                var code = status.ToString(CultureInfo.InvariantCulture);
                activity.SetStatus(ActivityStatusCode.Error, code);
                activity.SetTag(TelemetryTags.ErrorType, code);
            }

            return response;
        }
        catch (Exception e)
        {
            activity.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            activity.SetTag(TelemetryTags.ErrorType, e.GetType().FullName);
            throw;
        }
    }

    private static Activity? Start(HttpRequestMessage request, int resendCount)
    {
        var method = request.Method.Method;
        var activity = NanoBananaTelemetry.ActivitySource.StartActivity(method, ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(TelemetryTags.HttpMethod, method);
        activity.SetTag(TelemetryTags.RequestKind, KindName(NanoBananaRequestOptions.GetKind(request)));
        if (resendCount > 0)
        {
            activity.SetTag(TelemetryTags.HttpResendCount, resendCount);
        }

        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            activity.SetTag(TelemetryTags.ServerAddress, uri.Host);
            activity.SetTag(TelemetryTags.ServerPort, uri.Port);
            activity.SetTag(TelemetryTags.UrlFull, uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped));
        }

        return activity;
    }

    private static string KindName(HttpRequestKind kind) => kind switch
    {
        HttpRequestKind.Submit => "submit",
        HttpRequestKind.IdempotentSubmit => "idempotent_submit",
        _ => "read",
    };
}
