using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;
using NanoBanana.Sdk.Testing.Jobs;
using NanoBanana.Sdk.Testing.Recording;

namespace NanoBanana.Sdk.Testing.Modules.AceData;

/// <summary>
/// <c>POST /nano-banana/tasks</c>: <c>retrieve</c> one task or <c>retrieve_batch</c> several. Each record read counts as one
/// poll of its task. A running task has no <c>response</c>; an unknown id answers 200 with an empty record (as Ace Data's
/// own n8n node expects); a batch lists only the tasks it found.
/// </summary>
internal sealed class TasksEndpoint(EmulatorState state, AceDataTaskStore tasks, AceDataIds ids)
{
    // Fixed account facts the documented record carries; the emulator has one account and one application.
    private const string ApiId = "9d8a117e-31ca-4322-a0fd-1771296ec610";
    private const string ApplicationId = "8afd681a-2a4e-4265-aecb-43970094c019";
    private const string CredentialId = "097b2987-62f4-4ac0-b0cc-aed41e372a07";
    private const string UserId = "b87f67c1-b04f-4332-99a1-7a5e651331c6";

    public async Task HandleAsync(HttpContext context)
    {
        if (!AceDataAuth.IsAuthorized(context, state.ApiKey))
        {
            await AceDataErrors.WriteUnauthorizedAsync(context, ids).ConfigureAwait(false);
            return;
        }

        if (!TryParse(RequestRecordingMiddleware.Current(context).Body, out var query, out var error))
        {
            await AceDataErrors.WriteBadRequestAsync(context, error, ids).ConfigureAwait(false);
            return;
        }

        if (query.Id is { } id)
        {
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
            {
                if (tasks.TryGet(id, out var task))
                {
                    WriteRecord(writer, task);
                }
                else
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }
            }).ConfigureAwait(false);
            return;
        }

        var found = query.Ids!.Select(i => tasks.TryGet(i, out var task) ? task : null).OfType<StoredTask>().ToList();
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var task in found)
            {
                WriteRecord(writer, task);
            }

            writer.WriteEndArray();
            writer.WriteNumber("count", found.Count);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>The record in the documented field order; <c>response</c> appears once the task has finished.</summary>
    private static void WriteRecord(Utf8JsonWriter writer, StoredTask task)
    {
        var status = task.Job.Poll();
        writer.WriteStartObject();
        writer.WriteString("_id", AceDataIds.RecordId(task.Id));
        writer.WriteString("id", task.Id);
        writer.WriteString("api_id", ApiId);
        writer.WriteString("application_id", ApplicationId);
        writer.WriteNumber("created_at", Math.Round(task.Job.CreatedAt.ToUnixTimeMilliseconds() / 1000.0, 3));
        writer.WriteString("credential_id", CredentialId);
        writer.WritePropertyName("request");
        writer.WriteRawValue(task.RequestBody.Span, skipInputValidation: true);
        writer.WriteString("trace_id", task.TraceId);
        writer.WriteString("type", "images");
        writer.WriteString("user_id", UserId);
        if (status != JobStatus.Processing)
        {
            writer.WritePropertyName("response");
            AceDataBodies.WriteFinal(writer, task);
        }

        writer.WriteEndObject();
    }

    private static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out TaskQuery? query, [NotNullWhen(false)] out string? error)
    {
        query = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var action = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String
                ? a.GetString()
                : null;
            switch (action)
            {
                case "retrieve" when root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text:
                    query = new TaskQuery(text, null);
                    break;
                case "retrieve_batch" when root.TryGetProperty("ids", out var list) && list.ValueKind == JsonValueKind.Array
                    && list.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String):
                    query = new TaskQuery(null, [.. list.EnumerateArray().Select(i => i.GetString()!)]);
                    break;
            }

            error = query is null
                ? string.Create(CultureInfo.InvariantCulture, $"action must be retrieve (with id) or retrieve_batch (with ids); got '{action ?? "none"}'.")
                : null;
            return query is not null;
        }
        catch (JsonException)
        {
            error = "The request body is not valid JSON.";
            return false;
        }
    }

    private sealed record TaskQuery(string? Id, IReadOnlyList<string>? Ids);
}
