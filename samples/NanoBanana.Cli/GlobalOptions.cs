using System.CommandLine;
using System.CommandLine.Parsing;

namespace NanoBanana.Cli;

/// <summary>Options every command accepts, before or after the command name.</summary>
internal sealed class GlobalOptions
{
    public Option<string> Provider { get; } = new("--provider")
    {
        Description = $"The vendor to use: {string.Join(", ", ProviderCatalog.Names)}.",
        DefaultValueFactory = _ => ProviderCatalog.DefaultName,
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "The vendor API key. Defaults to the provider's environment variables (NANO_BANANA_API_KEY, then NB_API_KEY); with no key at all, a built-in emulator answers instead.",
        Recursive = true,
    };

    public Option<Uri?> BaseUrl { get; } = new("--base-url")
    {
        Description = "Override the vendor's API base URL (a proxy or a self-hosted emulator). Requires an API key.",
        Recursive = true,
        CustomParser = ParseHttpUrl,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Log the SDK's HTTP calls, retries and polls to stderr.",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON document on stdout for scripts: the result, or the error with its exit code. Progress and notices stay on stderr.",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Provider);
        root.Options.Add(ApiKey);
        root.Options.Add(BaseUrl);
        root.Options.Add(Verbose);
        root.Options.Add(Json);
    }

    public SessionSettings Read(ParseResult parseResult) => new(
        parseResult.GetValue(Provider) ?? ProviderCatalog.DefaultName,
        parseResult.GetValue(ApiKey) is { } key && !string.IsNullOrWhiteSpace(key) ? key : null,
        parseResult.GetValue(BaseUrl),
        parseResult.GetValue(Verbose));

    public bool ReadJson(ParseResult parseResult) => parseResult.GetValue(Json);

    /// <summary>Whether <c>--json</c> was given, read from the tokens so it still counts when the command line has errors.</summary>
    public bool RequestsJson(ParseResult parseResult) =>
        parseResult.Tokens.Any(token => token.Type == TokenType.Option && token.Value == Json.Name);

    private static Uri? ParseHttpUrl(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        result.AddError($"--base-url '{text}' must be an absolute http or https URL.");
        return null;
    }
}
