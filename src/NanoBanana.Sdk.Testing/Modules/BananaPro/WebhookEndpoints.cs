using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;
using NanoBanana.Sdk.Testing.Recording;

namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>
/// <c>GET</c>, <c>POST /api/v1/webhooks</c> and <c>DELETE /api/v1/webhooks/{id}</c>. Both event spellings the docs use
/// are accepted; the secret is never returned. Validation messages are assumptions.
/// </summary>
internal sealed class WebhookEndpoints(EmulatorState state, WebhookRegistry registry)
{
    private static readonly string[] KnownEvents = ["job.completed", "job.failed", "task.completed", "task.failed"];

    public async Task ListAsync(HttpContext context)
    {
        if (!await BananaProAuth.CheckAsync(context, state.ApiKey).ConfigureAwait(false))
        {
            return;
        }

        var webhooks = registry.Snapshot();
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WriteStartArray("data");
            foreach (var webhook in webhooks)
            {
                WriteWebhook(writer, webhook);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public async Task CreateAsync(HttpContext context)
    {
        if (!await BananaProAuth.CheckAsync(context, state.ApiKey).ConfigureAwait(false))
        {
            return;
        }

        var error = TryRead(RequestRecordingMiddleware.Current(context).Body, out var url, out var events, out var secretKey);
        if (error is not null)
        {
            await BananaProErrors.WriteBadRequestAsync(context, error).ConfigureAwait(false);
            return;
        }

        var webhook = registry.Add(url!, events!, secretKey);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WritePropertyName("data");
            WriteWebhook(writer, webhook);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public async Task DeleteAsync(HttpContext context)
    {
        if (!await BananaProAuth.CheckAsync(context, state.ApiKey).ConfigureAwait(false))
        {
            return;
        }

        if (!long.TryParse(context.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !registry.Remove(id))
        {
            await BananaProErrors.WriteAsync(context, StatusCodes.Status404NotFound, BananaProErrors.NotFound, "Webhook not found").ConfigureAwait(false);
            return;
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WriteStartObject("data");
            writer.WriteNumber("id", id);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static void WriteWebhook(Utf8JsonWriter writer, RegisteredWebhook webhook)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", webhook.Id);
        writer.WriteString("url", webhook.Url.OriginalString);
        writer.WriteStartArray("events");
        foreach (var name in webhook.Events)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        writer.WriteString("status", RegisteredWebhook.Active);
        writer.WriteEndObject();
    }

    private static string? TryRead(ReadOnlyMemory<byte> body, out Uri? url, out IReadOnlyList<string>? events, out string? secretKey)
    {
        url = null;
        events = null;
        secretKey = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return "Invalid JSON body";
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "Invalid JSON body";
            }

            if (!root.TryGetProperty("url", out var urlField) || urlField.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(urlField.GetString(), UriKind.Absolute, out url) || url.Scheme is not ("http" or "https"))
            {
                return "url must be an absolute http(s) URL";
            }

            if (!root.TryGetProperty("events", out var eventsField) || eventsField.ValueKind != JsonValueKind.Array || eventsField.GetArrayLength() == 0)
            {
                return "events must be a non-empty array";
            }

            var names = new List<string>();
            foreach (var item in eventsField.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || !KnownEvents.Contains(item.GetString(), StringComparer.Ordinal))
                {
                    return "Unknown event: " + item.GetRawText();
                }

                names.Add(item.GetString()!);
            }

            if (root.TryGetProperty("secret_key", out var secretField) && secretField.ValueKind != JsonValueKind.Null)
            {
                if (secretField.ValueKind != JsonValueKind.String)
                {
                    return "secret_key must be a string";
                }

                secretKey = secretField.GetString();
            }

            events = names;
            return null;
        }
    }
}
