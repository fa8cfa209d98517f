using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Tests.Providers.DreamToJobs;

/// <summary>Source-generated JSON for the values tests build (the test project has reflection-based JSON turned off).</summary>
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class DreamToJobsTestJson : JsonSerializerContext;
