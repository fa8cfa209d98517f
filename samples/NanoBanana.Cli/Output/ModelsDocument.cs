namespace NanoBanana.Cli.Output;

/// <summary>What <c>models --json</c> prints.</summary>
/// <param name="Provider">The <c>--provider</c> name.</param>
/// <param name="Models">The vendor's models, in its order.</param>
internal sealed record ModelsDocument(string Provider, IReadOnlyList<ModelDocument> Models);
