namespace NanoBanana.Sdk.Benchmarks.Server;

/// <summary>A prebuilt response body and its media type.</summary>
internal sealed record Payload(byte[] Body, string ContentType);
