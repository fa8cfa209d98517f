namespace NanoBanana.Sdk.Testing.Callbacks;

/// <summary>How a vendor retries a callback the app did not accept, as each vendor documents it.</summary>
/// <param name="Attempts">Attempts in all, the first included.</param>
/// <param name="RetryDelay">The wait between attempts (kept short: the emulator stands in for minutes-long vendor schedules).</param>
internal sealed record CallbackPolicy(int Attempts, TimeSpan RetryDelay);
