using FsCheck;
using FsCheck.Fluent;

namespace NanoBanana.Sdk.Tests.Properties;

/// <summary>Runs an FsCheck property from a plain xunit test (FsCheck.Xunit does not target xunit v3), failing with the counterexample.</summary>
public static class PropertyCheck
{
    private static readonly Config Quiet = Config.QuickThrowOnFailure.WithMaxTest(FuzzGen.CasesPerProperty).WithQuietOnSuccess(true);

    /// <summary>Checks that <paramref name="body"/> completes for <see cref="FuzzGen.CasesPerProperty"/> inputs from <paramref name="inputs"/>.</summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <param name="inputs">The inputs.</param>
    /// <param name="body">The check; it throws to fail.</param>
    public static void ForAll<T>(Arbitrary<T> inputs, Func<T, Task> body) => Check.One(Quiet, Prop.ForAll(inputs, body));
}
