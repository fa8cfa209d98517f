using NanoBanana.Sdk.Http.InlineData;

namespace NanoBanana.Sdk.Tests.Properties;

/// <summary>The one rule every parser property checks: an input ends in a result or in one of the SDK's exceptions, promptly.</summary>
public static class ParserOutcome
{
    /// <summary>A parse that takes longer than this is taken for a loop without end.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(5);

    /// <summary>Whether the exception is one the SDK documents for bad vendor input.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>True for <see cref="NanoBananaException"/> (and subclasses) and <see cref="InlineDataFormatException"/>.</returns>
    public static bool IsOurs(Exception exception) => exception is NanoBananaException or InlineDataFormatException;

    /// <summary>Runs <paramref name="call"/>; fails with what escaped when it throws anything else or runs past the guard.</summary>
    /// <param name="call">The parse, given a token that ends it at the guard.</param>
    /// <returns>A task that completes when the call ended acceptably.</returns>
    public static async Task MustEndInResultOrOurExceptionAsync(Func<CancellationToken, Task> call)
    {
        var thrown = await RunAsync(call);
        if (thrown is not null && !IsOurs(thrown))
        {
            throw Escaped(thrown);
        }
    }

    /// <summary>Runs <paramref name="call"/>, which must fail with <see cref="NanoBananaException"/> (an error answer never succeeds).</summary>
    /// <param name="call">The call, given a token that ends it at the guard.</param>
    /// <returns>A task that completes when the call failed as it should.</returns>
    public static async Task MustFailWithNanoBananaExceptionAsync(Func<CancellationToken, Task> call)
    {
        var thrown = await RunAsync(call);
        if (thrown is not NanoBananaException)
        {
            throw thrown is null ? new InvalidOperationException("An error answer was taken for a success.") : Escaped(thrown);
        }
    }

    private static async Task<Exception?> RunAsync(Func<CancellationToken, Task> call)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(Guard);
        try
        {
            await call(guard.Token);
            return null;
        }
        catch (Exception e)
        {
            return guard.IsCancellationRequested && e is OperationCanceledException
                ? new TimeoutException($"The parse did not end within {Guard}.", e)
                : e;
        }
    }

    private static InvalidOperationException Escaped(Exception e) =>
        new($"{e.GetType().FullName} escaped: {e.Message}{Environment.NewLine}{e.StackTrace}", e);
}
