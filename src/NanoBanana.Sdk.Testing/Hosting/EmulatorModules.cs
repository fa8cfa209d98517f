using NanoBanana.Sdk.Testing.Modules.AceData;
using NanoBanana.Sdk.Testing.Modules.Apixo;
using NanoBanana.Sdk.Testing.Modules.BananaPro;
using NanoBanana.Sdk.Testing.Modules.DreamToJobs;
using NanoBanana.Sdk.Testing.Modules.Gemini;
using NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

namespace NanoBanana.Sdk.Testing.Hosting;

/// <summary>The list of vendor modules every emulator mounts.</summary>
internal static class EmulatorModules
{
    public static IEmulatorModule[] Create(EmulatorState state) => [new NanaNanoBananaModule(state), new AceDataModule(state), new ApixoModule(state), new GeminiModule(state), new DreamToJobsModule(state), new BananaProModule(state)];
}
