namespace NanoBanana.Cli.Providers;

/// <summary>One row of the <c>models</c> listing, in a shape every provider can fill.</summary>
internal sealed record ModelDescription(string Id, string? DisplayName, decimal? CreditsCost, IReadOnlyList<string> Traits);
