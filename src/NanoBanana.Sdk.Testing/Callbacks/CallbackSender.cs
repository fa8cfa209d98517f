using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace NanoBanana.Sdk.Testing.Callbacks;

/// <summary>
/// Delivers vendor callbacks for real, in the background, with the vendor's retry policy, and records every attempt.
/// It only ever dials loopback addresses: a callback to any other host is recorded as not sent.
/// </summary>
internal sealed class CallbackSender : IAsyncDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<DeliveredCallback> _delivered = new();
    private readonly ConcurrentDictionary<Task, byte> _pending = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<DeliveredCallback, bool> Match, TaskCompletionSource<DeliveredCallback> Waiter)> _waiters = [];

    public IReadOnlyList<DeliveredCallback> Delivered => [.. _delivered];

    /// <summary>Starts delivering in the background and returns at once, as a vendor does.</summary>
    public void Enqueue(Uri target, byte[] body, IReadOnlyDictionary<string, string> headers, CallbackPolicy policy)
    {
        var task = Task.Run(() => DeliverAsync(target, body, headers, policy, _stopping.Token));
        _pending.TryAdd(task, 0);
        task.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Completes when an attempt matching <paramref name="match"/> has been made (including one made earlier).</summary>
    public Task<DeliveredCallback> WaitAsync(Func<DeliveredCallback, bool> match, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var earlier = _delivered.FirstOrDefault(match);
            if (earlier is not null)
            {
                return Task.FromResult(earlier);
            }

            var waiter = new TaskCompletionSource<DeliveredCallback>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_pending.Keys).ConfigureAwait(false);
        _client.Dispose();
        _stopping.Dispose();
    }

    private async Task DeliverAsync(Uri target, byte[] body, IReadOnlyDictionary<string, string> headers, CallbackPolicy policy, CancellationToken stopping)
    {
        for (var attempt = 1; attempt <= policy.Attempts && !stopping.IsCancellationRequested; attempt++)
        {
            var status = await SendOnceAsync(target, body, headers, stopping).ConfigureAwait(false);
            Record(new DeliveredCallback(target, body, headers, attempt, status, DateTimeOffset.UtcNow));
            if (status is >= 200 and < 300 || !IsLoopback(target))
            {
                return;
            }

            try
            {
                await Task.Delay(policy.RetryDelay, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int?> SendOnceAsync(Uri target, byte[] body, IReadOnlyDictionary<string, string> headers, CancellationToken stopping)
    {
        if (!IsLoopback(target))
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await _client.SendAsync(request, stopping).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private void Record(DeliveredCallback delivered)
    {
        lock (_gate)
        {
            _delivered.Enqueue(delivered);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(delivered))
                {
                    _waiters[i].Waiter.TrySetResult(delivered);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private static bool IsLoopback(Uri target) =>
        target.IsLoopback || (IPAddress.TryParse(target.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
