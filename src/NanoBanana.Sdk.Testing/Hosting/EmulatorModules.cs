using NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

namespace NanoBanana.Sdk.Testing.Hosting;

/// <summary>The list of vendor modules every emulator mounts.</summary>
internal static class EmulatorModules
{
    public static IEmulatorModule[] Create(EmulatorState state) => [new NanaNanoBananaModule(state)];
}
