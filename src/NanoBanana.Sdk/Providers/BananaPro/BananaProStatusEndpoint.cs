namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// The task status read, which the vendor does not document: its path comes from
/// <see cref="BananaProImageClientOptions.StatusPathTemplate"/>, and a 404 there is explained rather than left bare,
/// since it most often means the guessed path is wrong for this account.
/// </summary>
internal static class BananaProStatusEndpoint
{
    public static string RelativePath(string template, string taskId) =>
        template.Replace(BananaProImageClientOptions.TaskIdPlaceholder, Uri.EscapeDataString(taskId), StringComparison.Ordinal).TrimStart('/');

    public static NanoBananaException Unverified(NanoBananaException notFound, string template, string taskId) => new(
        $"HTTP 404 from {BananaProImageClient.ProviderId} reading task {taskId} at GET {template.Replace(BananaProImageClientOptions.TaskIdPlaceholder, taskId, StringComparison.Ordinal)}. " +
        "BananaPro does not document a task status endpoint; the SDK's path is an unverified guess, so either it is wrong for this gateway " +
        "or the task id is unknown to the account. Set the right path in StatusPathTemplate (NanoBanana:BananaPro:StatusPathTemplate), " +
        "or rely on webhooks, the recommended path: register your endpoint with CreateWebhookAsync and put its secret in Webhooks:Secrets.",
        notFound)
    {
        Provider = BananaProImageClient.ProviderId,
        StatusCode = notFound.StatusCode,
        ErrorCode = notFound.ErrorCode,
        RequestId = notFound.RequestId,
        OperationId = taskId,
    };
}
