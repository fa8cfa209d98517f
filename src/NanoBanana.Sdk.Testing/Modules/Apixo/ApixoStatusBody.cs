using System.Text;
using System.Text.Json;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>
/// The status envelope, as <c>GET /statusTask</c> answers it and as callbacks carry it, with the fields of each state in
/// the documented order. <c>resultJson</c> is a JSON document encoded into a string, as the vendor sends it.
/// </summary>
internal static class ApixoStatusBody
{
    public static ReadOnlyMemory<byte> Build(ApixoTask task, ApixoTaskView view) => JsonResponse.Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("code", 200);
        writer.WriteString("message", "success");
        writer.WriteStartObject("data");
        writer.WriteString("taskId", task.Id);
        writer.WriteString("state", view.State);
        var createTime = task.CreatedAt.ToUnixTimeMilliseconds();
        if (view.State == "success")
        {
            writer.WriteString("resultJson", ResultJson(task));
            writer.WriteNumber("costTime", view.CompletedAt!.Value.ToUnixTimeMilliseconds() - createTime);
        }
        else if (view.State == "failed")
        {
            writer.WriteString("failCode", task.FailCode);
            writer.WriteString("failMsg", task.Outcome.ErrorMessage);
        }

        writer.WriteNumber("createTime", createTime);
        if (view.CompletedAt is { } completedAt)
        {
            writer.WriteNumber("completeTime", completedAt.ToUnixTimeMilliseconds());
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static string ResultJson(ApixoTask task) => Encoding.UTF8.GetString(JsonResponse.Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("resultUrls");
        foreach (var url in task.Outcome.ImageUrls)
        {
            writer.WriteStringValue(url.AbsoluteUri);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }).Span);
}
