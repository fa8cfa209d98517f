namespace NanoBanana.Cli.Output;

/// <summary>What <c>credits --json</c> prints.</summary>
/// <param name="Provider">The <c>--provider</c> name.</param>
/// <param name="Credits">The account balance, in the vendor's credits.</param>
internal sealed record CreditsDocument(string Provider, decimal Credits);
