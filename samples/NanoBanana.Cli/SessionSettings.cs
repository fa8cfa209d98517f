namespace NanoBanana.Cli;

/// <summary>The global options that decide which vendor the commands talk to, and how.</summary>
internal sealed record SessionSettings(string Provider, string? ApiKey, Uri? BaseUrl, bool Verbose);
