using System.Text.RegularExpressions;

namespace NanoBanana.Sdk.Tests.Secrets;

/// <summary>Finds what must never show outside a request body: the API keys under test, and base64 runs of image size.</summary>
public static partial class SecretScanner
{
    /// <summary>
    /// A run of base64 text long enough to be image data (75 bytes encode to 100 characters); ids, hashes and URL paths
    /// stay well below it.
    /// </summary>
    [GeneratedRegex(@"[A-Za-z0-9+/_\-]{100,}={0,2}")]
    public static partial Regex Base64Run();

    /// <summary>Fails with the offending text when <paramref name="texts"/> hold a secret or a base64 run.</summary>
    /// <param name="what">Where the texts come from, for the failure message.</param>
    /// <param name="texts">The texts to scan.</param>
    /// <param name="secrets">The keys and other values that must not appear.</param>
    public static void AssertClean(string what, IEnumerable<string?> texts, params string[] secrets)
    {
        foreach (var text in texts.OfType<string>())
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{what} holds a secret: {text}");
            }

            var run = Base64Run().Match(text);
            Assert.False(run.Success, $"{what} holds a base64 run of {run.Length} characters: {text}");
        }
    }
}
