namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// The common operation id, <c>{model}:{taskId}</c>. The status path needs the model the task was submitted with, so the
/// id carries it; that lets <see cref="ApixoImageClient.GetGenerationAsync"/> resume a job in another process.
/// </summary>
internal static class ApixoOperationId
{
    private const char Separator = ':';

    public static string Format(string model, string taskId) => model + Separator + taskId;

    public static (string Model, string TaskId) Parse(string operationId)
    {
        var separator = operationId.IndexOf(Separator, StringComparison.Ordinal);
        var model = separator > 0 ? operationId[..separator] : null;
        if (model is null || separator == operationId.Length - 1 || !ApixoModels.IsValidId(model))
        {
            throw new ArgumentException(
                $"'{operationId}' is not an {ApixoImageClient.ProviderId} operation id. Apixo operation ids have the form '<model>:<taskId>' " +
                "(for example 'nano-banana:task_abc123'), as StartGenerationAsync returns them, because the status endpoint needs the model. " +
                "For a bare task id, call GetTaskStatusAsync(model, taskId).",
                nameof(operationId));
        }

        return (model, operationId[(separator + 1)..]);
    }
}
