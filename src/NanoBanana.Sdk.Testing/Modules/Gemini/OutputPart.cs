using NanoBanana.Sdk.Testing.Images;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>One part of the model's answer: text or an image (exactly one is set).</summary>
/// <param name="Text">The text of a text part.</param>
/// <param name="Image">The picture of an image part, encoded as a PNG when the answer is written.</param>
/// <param name="Thought">Whether the part is thinking output (<c>"thought": true</c>).</param>
/// <param name="ThoughtSignature">The opaque signature a thinking model puts on its non-thought parts.</param>
internal sealed record OutputPart(string? Text, ImageSpec? Image, bool Thought, string? ThoughtSignature);
