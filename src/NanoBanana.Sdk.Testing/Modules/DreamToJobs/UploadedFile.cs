namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary>A file stored by <c>POST /v1/files/upload</c>.</summary>
internal sealed record UploadedFile(string Id, string FileName, string MediaType, byte[] Content, long Created);
