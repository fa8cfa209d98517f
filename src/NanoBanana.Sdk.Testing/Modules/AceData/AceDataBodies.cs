using System.Text.Json;

namespace NanoBanana.Sdk.Testing.Modules.AceData;

/// <summary>The answer shapes of the images endpoint, which also serve as callback bodies and as the <c>response</c> of a task record.</summary>
internal static class AceDataBodies
{
    /// <summary><c>{"success": true, "task_id", "trace_id", "data": [{"prompt", "image_url"}]}</c>.</summary>
    public static void WriteSuccess(Utf8JsonWriter writer, StoredTask task)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("success", true);
        writer.WriteString("task_id", task.Id);
        writer.WriteString("trace_id", task.TraceId);
        writer.WriteStartArray("data");
        foreach (var url in task.Job.Outcome.ImageUrls)
        {
            writer.WriteStartObject();
            writer.WriteString("prompt", task.Job.Prompt);
            writer.WriteString("image_url", url.AbsoluteUri);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The immediate answer of an <c>async</c> or <c>callback_url</c> submit (its shape is assumed: task and trace id only).</summary>
    public static void WriteAccepted(Utf8JsonWriter writer, StoredTask task)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("success", true);
        writer.WriteString("task_id", task.Id);
        writer.WriteString("trace_id", task.TraceId);
        writer.WriteEndObject();
    }

    /// <summary>The error body; <paramref name="taskId"/> is added for a failed task (the assumed failure callback and record shape).</summary>
    public static void WriteError(Utf8JsonWriter writer, string? taskId, string code, string message, string traceId)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("success", false);
        if (taskId is not null)
        {
            writer.WriteString("task_id", taskId);
        }

        writer.WriteStartObject("error");
        writer.WriteString("code", code);
        writer.WriteString("message", message);
        writer.WriteEndObject();
        writer.WriteString("trace_id", traceId);
        writer.WriteEndObject();
    }

    /// <summary>How a finished task reads: the success body, or the error body with its task id.</summary>
    public static void WriteFinal(Utf8JsonWriter writer, StoredTask task)
    {
        if (task.Job.Outcome.ErrorMessage is { } message)
        {
            WriteError(writer, task.Id, task.FailureCode!, message, task.TraceId);
        }
        else
        {
            WriteSuccess(writer, task);
        }
    }
}
