namespace NanoBanana.Cli.Output;

/// <summary>One model of <see cref="ModelsDocument"/>.</summary>
/// <param name="Id">The id to pass to <c>--model</c>.</param>
/// <param name="DisplayName">The vendor's name for it, if any.</param>
/// <param name="CreditsCost">Credits per image, where the vendor says.</param>
/// <param name="Traits">What the vendor says it supports.</param>
internal sealed record ModelDocument(string Id, string? DisplayName, decimal? CreditsCost, IReadOnlyList<string> Traits);
