using System.Text.Json;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;
using NanoBanana.Sdk.Testing.Jobs;

namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary>
/// The job object. The submit answer is documented (<c>id, object, status: "processing", model, created, request_id</c>);
/// the status and callback shape is the SDK's documented assumption: the same object, then <c>status: "succeeded"</c>
/// with <c>output.images[]</c> (<c>{url, mime_type}</c>, or <c>{b64_json, mime_type}</c> for inline results) or
/// <c>status: "failed"</c> with <c>error: {code, message}</c>.
/// </summary>
internal static class JobBody
{
    public static ReadOnlyMemory<byte> Accepted(StoredJob job, string requestId) => JsonResponse.Build(writer =>
    {
        writer.WriteStartObject();
        WriteHeader(writer, job, JobStatus.Processing);
        writer.WriteString("request_id", requestId);
        writer.WriteEndObject();
    });

    public static ReadOnlyMemory<byte> Current(StoredJob job, JobStatus status, EmulatorState state) => JsonResponse.Build(writer =>
    {
        writer.WriteStartObject();
        WriteHeader(writer, job, status);
        if (status == JobStatus.Completed)
        {
            WriteOutput(writer, job, state);
        }
        else if (status == JobStatus.Failed)
        {
            writer.WriteStartObject("error");
            writer.WriteString("code", job.ErrorCode);
            writer.WriteString("message", job.Job.Outcome.ErrorMessage);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    });

    private static void WriteHeader(Utf8JsonWriter writer, StoredJob job, JobStatus status)
    {
        writer.WriteString("id", job.Job.Id);
        writer.WriteString("object", "job");
        writer.WriteString("status", status switch
        {
            JobStatus.Completed => "succeeded",
            JobStatus.Failed => "failed",
            _ => "processing",
        });
        writer.WriteString("model", job.Job.Model);
        writer.WriteNumber("created", job.Created);
    }

    private static void WriteOutput(Utf8JsonWriter writer, StoredJob job, EmulatorState state)
    {
        writer.WriteStartObject("output");
        writer.WriteStartArray("images");
        foreach (var url in job.Job.Outcome.ImageUrls)
        {
            writer.WriteStartObject();
            if (job.InlineResults && state.Images.TryGet(job.ImageFileName, out var png))
            {
                writer.WriteBase64String("b64_json", png);
            }
            else
            {
                writer.WriteString("url", url.AbsoluteUri);
            }

            writer.WriteString("mime_type", "image/png");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
