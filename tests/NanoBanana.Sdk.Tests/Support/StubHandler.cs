using System.Net;
using System.Text;

namespace NanoBanana.Sdk.Tests.Support;

/// <summary>One request a <see cref="StubHandler"/> received, with its body bytes and the (fake) time it arrived.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The absolute request URI.</param>
/// <param name="Headers">Request and content headers; names case-insensitive, values joined with <c>, </c>.</param>
/// <param name="Body">The body bytes (empty when there is none).</param>
/// <param name="At">When it arrived, on the handler's clock.</param>
public sealed record StubRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset At)
{
    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The <c>Authorization</c> header, or null.</summary>
    public string? Authorization => Headers.TryGetValue("Authorization", out var value) ? value : null;
}

/// <summary>
/// An in-process <see cref="HttpMessageHandler"/>: records every request (body bytes included) and answers with canned
/// responses queued per method and path suffix. The last response of a route repeats; a request without a route fails
/// the test with a clear exception. Nothing ever leaves the process.
/// </summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<StubRequest> _requests = [];
    private readonly List<Route> _routes = [];
    private readonly TimeProvider _time;

    /// <summary>Creates a handler whose recorded times come from <paramref name="time"/> (system clock by default).</summary>
    /// <param name="time">The clock for <see cref="StubRequest.At"/>.</param>
    public StubHandler(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<StubRequest> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    /// <summary>The requests with this method whose path ends with <paramref name="pathSuffix"/>.</summary>
    /// <param name="method">The method.</param>
    /// <param name="pathSuffix">The end of the path, e.g. <c>/generate</c>.</param>
    /// <returns>The matching requests.</returns>
    public IReadOnlyList<StubRequest> RequestsTo(HttpMethod method, string pathSuffix) =>
        [.. Requests.Where(r => r.Method == method && r.Uri.AbsolutePath.EndsWith(pathSuffix, StringComparison.Ordinal))];

    /// <summary>Queues responses for requests with <paramref name="method"/> whose path ends with <paramref name="pathSuffix"/>.</summary>
    /// <param name="method">The method to match.</param>
    /// <param name="pathSuffix">The end of the path to match.</param>
    /// <param name="responses">The responses, in order; the last one repeats.</param>
    /// <returns>This handler.</returns>
    public StubHandler On(HttpMethod method, string pathSuffix, params Func<HttpRequestMessage, HttpResponseMessage>[] responses)
    {
        ArgumentOutOfRangeException.ThrowIfZero(responses.Length);
        lock (_gate)
        {
            var route = Find(method, pathSuffix);
            foreach (var response in responses)
            {
                route.Responses.Enqueue((request, _) => Task.FromResult(response(request)));
            }
        }

        return this;
    }

    private Route Find(HttpMethod method, string pathSuffix)
    {
        var route = _routes.FirstOrDefault(r => r.Method == method && r.PathSuffix == pathSuffix);
        if (route is null)
        {
            route = new Route(method, pathSuffix);
            _routes.Add(route);
        }

        return route;
    }

    /// <summary>Queues an asynchronous responder (for answers that take time or never come).</summary>
    /// <param name="method">The method to match.</param>
    /// <param name="pathSuffix">The end of the path to match.</param>
    /// <param name="responder">The responder; it repeats when it is the last one.</param>
    /// <returns>This handler.</returns>
    public StubHandler OnAsync(HttpMethod method, string pathSuffix, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        lock (_gate)
        {
            Find(method, pathSuffix).Responses.Enqueue(responder);
        }

        return this;
    }

    /// <summary>Queues responses for <c>POST …/generate</c>.</summary>
    /// <param name="responses">The responses.</param>
    /// <returns>This handler.</returns>
    public StubHandler OnSubmit(params Func<HttpRequestMessage, HttpResponseMessage>[] responses) => On(HttpMethod.Post, "/generate", responses);

    /// <summary>Queues responses for <c>GET …/generate?id=</c>.</summary>
    /// <param name="responses">The responses.</param>
    /// <returns>This handler.</returns>
    public StubHandler OnPoll(params Func<HttpRequestMessage, HttpResponseMessage>[] responses) => On(HttpMethod.Get, "/generate", responses);

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond;
        lock (_gate)
        {
            _requests.Add(new StubRequest(request.Method, request.RequestUri!, headers, body, _time.GetUtcNow()));
            var route = _routes.FirstOrDefault(r => r.Method == request.Method && request.RequestUri!.AbsolutePath.EndsWith(r.PathSuffix, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"The stub has no response for {request.Method} {request.RequestUri}.");
            respond = route.Responses.Count > 1 ? route.Responses.Dequeue() : route.Responses.Peek();
        }

        var response = await respond(request, cancellationToken).ConfigureAwait(false);
        response.RequestMessage ??= request;
        return response;
    }

    private sealed record Route(HttpMethod Method, string PathSuffix)
    {
        public Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> Responses { get; } = new();
    }
}

/// <summary>Canned responses for <see cref="StubHandler"/>.</summary>
public static class Reply
{
    /// <summary>A JSON response.</summary>
    /// <param name="json">The body.</param>
    /// <param name="status">The status code (200 by default).</param>
    /// <param name="retryAfter">A <c>Retry-After</c> header in seconds, if any.</param>
    /// <returns>The response factory.</returns>
    public static Func<HttpRequestMessage, HttpResponseMessage> Json(string json, HttpStatusCode status = HttpStatusCode.OK, TimeSpan? retryAfter = null) =>
        _ =>
        {
            var response = new HttpResponseMessage(status)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            if (retryAfter is { } wait)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
            }

            return response;
        };

    /// <summary>A status code with an empty body.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> header, if any.</param>
    /// <returns>The response factory.</returns>
    public static Func<HttpRequestMessage, HttpResponseMessage> Status(HttpStatusCode status, TimeSpan? retryAfter = null) =>
        _ =>
        {
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
            if (retryAfter is { } wait)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
            }

            return response;
        };

    /// <summary>A <c>text/event-stream</c> response whose body arrives in small, odd-sized reads.</summary>
    /// <param name="text">The raw SSE text.</param>
    /// <param name="failAtEnd">Throw an <see cref="IOException"/> after the last byte instead of ending cleanly (a cut connection).</param>
    /// <returns>The response factory.</returns>
    public static Func<HttpRequestMessage, HttpResponseMessage> Sse(string text, bool failAtEnd = false) =>
        _ =>
        {
            var content = new StreamContent(new ChunkedStream(Encoding.UTF8.GetBytes(text), failAtEnd));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        };

    /// <summary>Never answers; the returned task ends only when the request is cancelled.</summary>
    /// <returns>The responder.</returns>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Hang() =>
        static async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException("unreachable");
        };

    /// <summary>A <c>text/event-stream</c> response whose parts arrive at given times on the fake clock, then stalls until cancelled.</summary>
    /// <param name="time">The fake clock the parts are timed on.</param>
    /// <param name="parts">When each part of the SSE text arrives, measured from when the response is created.</param>
    /// <returns>The response factory.</returns>
    public static Func<HttpRequestMessage, HttpResponseMessage> TimedSse(ManualTimeProvider time, params (TimeSpan At, string Text)[] parts) =>
        _ =>
        {
            var content = new StreamContent(new TimedStream(time, parts));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        };

    /// <summary>Throws instead of answering, as a transport failure does.</summary>
    /// <param name="exception">The exception to throw.</param>
    /// <returns>The response factory.</returns>
    public static Func<HttpRequestMessage, HttpResponseMessage> Throw(Exception exception) => _ => throw exception;

    /// <summary>Builds SSE text from JSON event payloads: <c>data: &lt;json&gt;\n\n</c> each.</summary>
    /// <param name="events">The JSON payloads.</param>
    /// <returns>The SSE text.</returns>
    public static string Events(params string[] events) => string.Concat(events.Select(e => "data: " + e + "\n\n"));
}
