using System.Security.Cryptography;
using System.Text;
using NanoBanana.Sdk.Testing.Scenario;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// Decides the answer to a valid request from the scenario in force: a blocked prompt (<c>BlockPrompts</c>), a
/// failed candidate (<c>FailJobsWith</c>: <c>OTHER</c> with the message as text), a filtered image
/// (<c>ContentWarning</c>: <c>IMAGE_SAFETY</c>, no parts), or success: optional thoughts, a text part when TEXT is
/// wanted, then the image — after a 1K draft on models that send one for 2K/4K.
/// </summary>
internal sealed class GenerationPlanner(GeminiIdGenerator ids)
{
    private const string ImageIntro = "Here is your image.";
    private const string TextOnlyAnswer = "Here is a description of the picture instead of an image, as only text was requested.";
    private const string ThoughtSummary = "**Planning the picture**\n\nSettling the composition, the light and the palette before drawing.";
    private const string ImageSafetyMessage =
        "Unable to show the generated image. The image was filtered out because it violated Google's Generative AI Prohibited Use policy.";

    public GeminiGeneration Plan(
        GeminiModel model, GenerateContentRequest request, ImageTarget target, ScenarioSnapshot scenario, bool blockPrompts)
    {
        var responseId = ids.NextOpaqueId();
        var promptOnly = new GeminiUsage(
            GeminiUsage.TextTokens(request.PromptCharacters),
            GeminiUsage.InputImageTokens * (request.ReferenceImages.Count + request.HistoryImages),
            CandidateText: 0,
            CandidateImages: 0,
            Thoughts: 0);
        var generation = new GeminiGeneration { ModelVersion = model.Id, ResponseId = responseId, Usage = promptOnly };

        if (blockPrompts)
        {
            return generation with { BlockReason = "SAFETY" };
        }

        if (scenario.FailJobsWith is { } failure)
        {
            return generation with
            {
                Parts = Sign(model, responseId, [Text(failure)]),
                FinishReason = "OTHER",
                Usage = promptOnly with { CandidateText = GeminiUsage.TextTokens(failure.Length) },
            };
        }

        if (scenario.ContentWarning)
        {
            return generation with { FinishReason = "IMAGE_SAFETY", FinishMessage = ImageSafetyMessage };
        }

        var settings = request.Settings;
        var parts = new List<OutputPart>();
        var thoughtCharacters = 0;
        if (settings.IncludeThoughts && model.Thinks)
        {
            parts.Add(new OutputPart(ThoughtSummary, null, Thought: true, null));
            thoughtCharacters = ThoughtSummary.Length;
            if (model.ShowsThoughtDrafts && settings.WantsImage)
            {
                parts.Add(new OutputPart(null, target.Spec(request.Prompt, GeminiModel.DefaultLongSide), Thought: true, null));
            }
        }

        var answer = settings.WantsImage ? ImageIntro : TextOnlyAnswer;
        if (settings.WantsText)
        {
            parts.Add(Text(answer));
        }

        if (settings.WantsImage)
        {
            if (model.SendsDraftBeforeLargeImages && target.LongSide > GeminiModel.DefaultLongSide)
            {
                parts.Add(Image(target, request.Prompt, GeminiModel.DefaultLongSide));
            }

            parts.Add(Image(target, request.Prompt, target.LongSide));
        }

        return generation with
        {
            Parts = Sign(model, responseId, parts),
            FinishReason = "STOP",
            Usage = promptOnly with
            {
                CandidateText = settings.WantsText ? GeminiUsage.TextTokens(answer.Length) : 0,
                CandidateImages = settings.WantsImage ? model.ImageTokens(target.LongSide) : 0,
                Thoughts = GeminiUsage.TextTokens(thoughtCharacters),
            },
        };
    }

    private static OutputPart Text(string text) => new(text, null, Thought: false, null);

    private static OutputPart Image(ImageTarget target, string prompt, int longSide) =>
        new(null, target.Spec(prompt, longSide), Thought: false, null);

    // Thinking models sign every non-thought part; the signature is opaque base64 derived from the response id.
    private static OutputPart[] Sign(GeminiModel model, string responseId, IReadOnlyList<OutputPart> parts) =>
    [
        .. parts.Select((part, index) => model.Thinks && !part.Thought
            ? part with { ThoughtSignature = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(responseId + "/" + index))) }
            : part),
    ];
}
