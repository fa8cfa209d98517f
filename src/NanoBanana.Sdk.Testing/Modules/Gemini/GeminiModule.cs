using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NanoBanana.Sdk.Testing.Hosting;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// Google's Generative Language API for the Nano Banana models (protocols/gemini-official.md, and protocol A of
/// protocols/gateway-gemini-jobs.md, which is the same wire with Bearer auth): models, generateContent,
/// streamGenerateContent and the Files API, under <c>/gemini/</c>.
/// </summary>
/// <remarks>
/// Assumptions where the protocol files are silent (docs/providers/gemini.md repeats them):
/// <list type="number">
/// <item>Auth: any one of <c>x-goog-api-key</c>, <c>?key=</c> or <c>Authorization: Bearer</c> carrying the key is enough.
/// Refusals copy Google: a wrong key in the header or query is 400 <c>INVALID_ARGUMENT</c> with an <c>ErrorInfo</c>
/// detail of reason <c>API_KEY_INVALID</c>; a wrong <c>Authorization</c> is 401 <c>UNAUTHENTICATED</c>; no credential
/// is 403 <c>PERMISSION_DENIED</c>. An upload session URL needs no key (its <c>upload_id</c> is the credential).</item>
/// <item>Image size: the long side is 512, 1024, 2048 or 4096 px for <c>512</c>/<c>1K</c>/<c>2K</c>/<c>4K</c> and the
/// short side follows the exact ratio (Google's own 1K sizes are about one megapixel, e.g. 1344×768 for 16:9).
/// Without <c>aspectRatio</c> the image is square, also when editing; without <c>imageSize</c> it is 1K.</item>
/// <item><c>imageSize</c> must be spelled exactly (<c>"1K"</c>, never <c>"1k"</c>); the 0.5K tier is <c>"512"</c> and
/// only on the 3.1 Flash models (<c>"0.5K"</c>, <c>"512px"</c> are 400s); 2.5 Flash takes no <c>imageSize</c> at all,
/// not even <c>"1K"</c>. Aspect ratios: the ten standard ones everywhere, the extra 1:4, 4:1, 1:8, 8:1 only on the
/// 3.1 Flash family. Each violation is a 400 naming what the model accepts.</item>
/// <item>Output images are always PNG (<c>image/png</c>); the picture depends only on the prompt (the text of the last
/// user turn) and the size.</item>
/// <item>Parts: with TEXT in <c>responseModalities</c> (the default is TEXT and IMAGE) a text part "Here is your image."
/// comes before the image; <c>["IMAGE"]</c> gives image parts only; <c>["TEXT"]</c> a text part only. 3.1 Flash at 2K or
/// 4K sends two image parts, neither marked <c>thought</c>: a 1K draft, then the requested size.</item>
/// <item>Thinking: Gemini 3 models put an opaque base64 <c>thoughtSignature</c> on every non-thought part. Only with
/// <c>thinkingConfig.includeThoughts</c> do they send thought parts: a thought text first and, on Pro, a 1K thought
/// draft image.</item>
/// <item>Usage: text costs one token per four characters, each input image 258, each result image 1290 on 2.5 Flash
/// and 1120 (2000 at 4K) on Gemini 3 models; drafts are free; thought text counts as <c>thoughtsTokenCount</c>. Zero
/// counts are omitted, as proto3 JSON does. <c>responseId</c>s come from a counter, so runs repeat.</item>
/// <item>Streaming: one chunk per part (thoughts, text, each image), then a last chunk with <c>finishReason</c> and
/// <c>usageMetadata</c> and no <c>content</c>; every chunk has <c>modelVersion</c> and <c>responseId</c>. SSE events end
/// with <c>\r\n\r\n</c>. Without <c>alt=sse</c> (or with <c>alt=json</c>) the chunks form one streamed JSON array;
/// another <c>alt</c> is a 400.</item>
/// <item>Scenario: <c>BlockPrompts</c> answers 200 with <c>promptFeedback.blockReason: "SAFETY"</c>, no candidates and
/// prompt-only usage, before anything else; <c>FailJobsWith</c> a candidate with <c>finishReason: "OTHER"</c> whose only
/// part is the message as text; <c>ContentWarning</c> a candidate with <c>finishReason: "IMAGE_SAFETY"</c>, a
/// <c>finishMessage</c> and no content; <c>DropStreamAfterEvents</c> closes the connection after that many chunks,
/// never sending the last one. Injected faults carry a <c>google.rpc.Status</c> body with the protocol file's
/// HTTP-to-status pairs (plus 401 <c>UNAUTHENTICATED</c>, 409 <c>ABORTED</c>, 501 <c>UNIMPLEMENTED</c>; <c>UNKNOWN</c>
/// for statuses Google never sends, such as 402); a 429 with a <c>RetryAfter</c> carries <c>RetryInfo.retryDelay</c>
/// <c>"&lt;n&gt;s"</c> (the fault mechanism also sends a <c>Retry-After</c> header, which Google does not).</item>
/// <item>Request checks follow proto3 JSON: camelCase or snake_case names; an unknown field in the request,
/// <c>generationConfig</c>, <c>imageConfig</c> (so the Vertex-only image fields), <c>thinkingConfig</c>, a content, a
/// part, <c>inlineData</c>, <c>fileData</c> or a safety setting is a 400 "Unknown name". Enum words in
/// <c>responseModalities</c> and <c>thinkingLevel</c> match case-insensitively; AUDIO output, <c>candidateCount</c>
/// above 1, and more than 14 reference images on Gemini 3 models are 400s (2.5 Flash has no limit). Inline images must
/// be PNG, JPEG, WebP, HEIC or HEIF in valid base64 (standard or URL-safe, padding optional); <c>fileData</c> needs both
/// <c>mimeType</c> and <c>fileUri</c>. Request size is bounded only by Kestrel's 30 MB default.</item>
/// <item><c>fileData.fileUri</c>: a Files API URI (an http(s) URL whose path ends in <c>/v1beta/files/&lt;id&gt;</c>, on
/// this emulator or Google's host) must name a file uploaded here and not deleted, else 400; any other http(s) URL is
/// accepted as a public image and only recorded; other schemes are 400s.</item>
/// <item>Files API: resumable uploads only (multipart is a 400); <c>start</c> needs the MIME type
/// (<c>X-Goog-Upload-Header-Content-Type</c> or <c>file.mimeType</c>) and takes only <c>file.displayName</c> and
/// <c>file.mimeType</c> in its body; chunks must be contiguous; a declared length must match at <c>finalize</c>, which
/// answers <c>{"file": File}</c>, while <c>GET v1beta/files/{id}</c> answers the bare <c>File</c> and DELETE <c>{}</c>;
/// an unknown file is 404 <c>NOT_FOUND</c>. Files never expire while the emulator runs (their <c>expirationTime</c>
/// says 48 hours); <c>sha256Hash</c> is the base64 of the hex digest, as in the protocol file's example.</item>
/// <item>Models: the list holds every id of the protocol file's table (aliases and the two unverified models too),
/// each with <c>name</c>, <c>displayName</c>, <c>description</c> and <c>supportedGenerationMethods: ["generateContent"]</c>;
/// pages default to 50 entries and the page token is opaque. Another method on a model (e.g. <c>:countTokens</c>) is a
/// 404.</item>
/// </list>
/// </remarks>
internal sealed class GeminiModule(EmulatorState state) : IEmulatorModule
{
    /// <summary>The API root relative to the emulator's root, with a trailing slash.</summary>
    public const string RelativeBasePath = "gemini/";

    public PathString PathPrefix { get; } = new("/" + RelativeBasePath.TrimEnd('/'));

    public void Map(IEndpointRouteBuilder routes)
    {
        var ids = new GeminiIdGenerator();
        var files = new GeminiFileStore(ids, state.Time);
        var models = new ModelsEndpoint(state);
        var fileMetadata = new FilesEndpoint(state, files);
        var api = routes.MapGroup(PathPrefix);
        api.MapGet("/" + GeminiRoutes.Models, models.ListAsync);
        api.MapGet("/" + GeminiRoutes.Models + "/{model}", models.GetAsync);
        api.MapPost("/" + GeminiRoutes.Models + "/{modelAction}", new GenerateContentEndpoint(state, files, new GenerationPlanner(ids)).HandleAsync);
        api.MapPost("/" + GeminiRoutes.Upload, new FileUploadEndpoint(state, files).HandleAsync);
        api.MapGet("/" + GeminiRoutes.Files + "/{id}", fileMetadata.GetAsync);
        api.MapDelete("/" + GeminiRoutes.Files + "/{id}", fileMetadata.DeleteAsync);
    }

    public Task WriteErrorAsync(HttpContext context, int statusCode) => GeminiErrors.WriteForStatusAsync(context, statusCode);
}
