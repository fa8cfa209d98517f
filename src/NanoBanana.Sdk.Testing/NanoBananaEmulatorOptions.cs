namespace NanoBanana.Sdk.Testing;

/// <summary>Start-up settings for a <see cref="NanoBananaEmulator"/>.</summary>
public sealed class NanoBananaEmulatorOptions
{
    /// <summary>The API key the emulator accepts on authenticated endpoints. Defaults to <c>nb_emulator_key</c>.</summary>
    public string ApiKey { get; set; } = "nb_emulator_key";

    /// <summary>The credit balance the emulated account starts with. Defaults to 1000.</summary>
    public int InitialCredits { get; set; } = 1000;
}
