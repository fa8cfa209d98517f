using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.AspNetCore;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.AspNetCore;

/// <summary>Verified events: published to the hub, handed to the app's handlers once per event id, 500 when a handler fails.</summary>
public sealed class WebhookEndpointHandlerTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly ConcurrentQueue<ImageGenerationWebhookEvent> _handled = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_verified_event_is_published_to_the_hub()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        using var response = await receiver.PostAsync("{}"u8.ToArray(), operationId: "job-7");

        var published = await receiver.Hub.WaitAsync("Fake", "job-7", Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(ImageGenerationStatus.Succeeded, published.Status);
    }

    [Fact]
    public async Task A_verified_event_reaches_every_handler_once_and_is_answered_200()
    {
        var second = new ConcurrentQueue<string>();
        await using var receiver = await WebhookReceiver.StartAsync(services => services
            .AddNanoBananaWebhookHandler(Record)
            .AddNanoBananaWebhookHandler((e, _) =>
            {
                second.Enqueue(e.EventId);
                return Task.CompletedTask;
            }));

        using var response = await receiver.PostAsync("{}"u8.ToArray(), eventId: "event-3", operationId: "job-3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("job-3", Assert.Single(_handled).OperationId);
        Assert.Equal(["event-3"], second);
    }

    [Fact]
    public async Task A_handler_type_is_resolved_from_the_request_scope()
    {
        await using var receiver = await WebhookReceiver.StartAsync(services => services
            .AddSingleton(_handled)
            .AddNanoBananaWebhookHandler<QueueingHandler>()
            .AddNanoBananaWebhookHandler<QueueingHandler>());

        using var response = await receiver.PostAsync("{}"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_handled);
    }

    [Fact]
    public async Task A_repeated_event_id_is_acknowledged_without_running_the_handlers_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync(services => services.AddNanoBananaWebhookHandler(Record), timeProvider: _time);

        using var first = await receiver.PostAsync("{}"u8.ToArray(), eventId: "event-1");
        _time.Advance(TimeSpan.FromMinutes(14));
        using var retry = await receiver.PostAsync("{}"u8.ToArray(), eventId: "event-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(_handled);
    }

    [Fact]
    public async Task Different_event_ids_are_each_handled()
    {
        await using var receiver = await WebhookReceiver.StartAsync(services => services.AddNanoBananaWebhookHandler(Record), timeProvider: _time);

        using var first = await receiver.PostAsync("{}"u8.ToArray(), eventId: "event-1");
        using var second = await receiver.PostAsync("{}"u8.ToArray(), eventId: "event-2");

        Assert.Equal(["event-1", "event-2"], _handled.Select(e => e.EventId));
    }

    [Fact]
    public async Task An_event_id_is_handled_again_once_the_deduplication_window_has_passed()
    {
        await using var receiver = await WebhookReceiver.StartAsync(services => services.AddNanoBananaWebhookHandler(Record), timeProvider: _time);

        using var first = await receiver.PostAsync("{}"u8.ToArray(), eventId: "event-1");
        _time.Advance(TimeSpan.FromMinutes(15));
        using var late = await receiver.PostAsync("{}"u8.ToArray(), eventId: "event-1");

        Assert.Equal(2, _handled.Count);
    }

    [Fact]
    public async Task The_oldest_event_id_is_forgotten_beyond_the_deduplication_capacity()
    {
        await using var receiver = await WebhookReceiver.StartAsync(
            services => services.AddNanoBananaWebhookHandler(Record),
            app => app.MapNanoBananaWebhooks(configure: o => o.DeduplicationCapacity = 2),
            _time);

        foreach (var id in new[] { "event-1", "event-2", "event-3", "event-1", "event-3" })
        {
            using var response = await receiver.PostAsync("{}"u8.ToArray(), eventId: id);
        }

        Assert.Equal(["event-1", "event-2", "event-3", "event-1"], _handled.Select(e => e.EventId));
    }

    [Fact]
    public async Task A_zero_deduplication_window_runs_the_handlers_for_every_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync(
            services => services.AddNanoBananaWebhookHandler(Record),
            app => app.MapNanoBananaWebhooks(configure: o => o.DeduplicationWindow = TimeSpan.Zero),
            _time);

        using var first = await receiver.PostAsync("{}"u8.ToArray(), eventId: "event-1");
        using var retry = await receiver.PostAsync("{}"u8.ToArray(), eventId: "event-1");

        Assert.Equal(2, _handled.Count);
    }

    [Fact]
    public async Task A_handler_that_throws_makes_the_answer_500_and_is_logged_without_the_body()
    {
        await using var receiver = await WebhookReceiver.StartAsync(services => services.AddNanoBananaWebhookHandler(
            (_, _) => throw new InvalidOperationException("database down")));

        using var response = await receiver.PostAsync("{\"secret\":\"body-marker-51c\"}"u8.ToArray(), eventId: "event-5", operationId: "job-5");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var line = Assert.Single(receiver.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal));
        Assert.Contains("event-5", line, StringComparison.Ordinal);
        Assert.Contains("job-5", line, StringComparison.Ordinal);
        Assert.DoesNotContain("body-marker-51c", receiver.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_whose_handler_failed_is_handled_again_when_the_vendor_retries()
    {
        var attempts = 0;
        await using var receiver = await WebhookReceiver.StartAsync(services => services.AddNanoBananaWebhookHandler((e, ct) =>
            Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("transient") : Record(e, ct)));

        using var failed = await receiver.PostAsync("{}"u8.ToArray(), eventId: "event-1");
        using var retried = await receiver.PostAsync("{}"u8.ToArray(), eventId: "event-1");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Single(_handled);
    }

    [Fact]
    public async Task A_verified_event_is_published_before_the_handlers_run()
    {
        ImageGenerationWebhookHub? hub = null;
        bool? publishedFirst = null;
        await using var receiver = await WebhookReceiver.StartAsync(services => services.AddNanoBananaWebhookHandler((e, _) =>
        {
            // Without a cancellable token the hub hands back the slot's own task, so this reads its state right now.
            publishedFirst = hub!.WaitAsync(e.Provider, e.OperationId, CancellationToken.None).IsCompletedSuccessfully;
            return Task.CompletedTask;
        }));
        hub = receiver.Hub;

        using var response = await receiver.PostAsync("{}"u8.ToArray(), operationId: "job-8");

        Assert.True(publishedFirst);
    }

    private Task Record(ImageGenerationWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        _handled.Enqueue(webhookEvent);
        return Task.CompletedTask;
    }

    private sealed class QueueingHandler(ConcurrentQueue<ImageGenerationWebhookEvent> handled) : IImageGenerationWebhookHandler
    {
        public Task HandleAsync(ImageGenerationWebhookEvent webhookEvent, CancellationToken cancellationToken)
        {
            handled.Enqueue(webhookEvent);
            return Task.CompletedTask;
        }
    }
}
