using NanoBanana.Sdk.Testing.Callbacks;
using NanoBanana.Sdk.Testing.Hosting;

namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>
/// Delivers the status envelope of a finished task to its <c>callback_url</c>, unsigned, as APIXO does: a delivery that is
/// not answered 2xx is retried 3 times. The vendor waits about 30 s before the first retry; the emulator waits 50 ms.
/// </summary>
internal static class ApixoCallbacks
{
    private static readonly CallbackPolicy Policy = new(Attempts: 4, RetryDelay: TimeSpan.FromMilliseconds(50));

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public static void Deliver(EmulatorState state, ApixoTask task)
    {
        var body = ApixoStatusBody.Build(task, task.Finish(state.Time.GetUtcNow()));
        state.Callbacks.Enqueue(task.CallbackUrl!, body.ToArray(), NoHeaders, Policy);
    }
}
