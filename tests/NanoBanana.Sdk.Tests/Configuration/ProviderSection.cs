using Microsoft.Extensions.Configuration;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Configuration;

/// <summary>One provider as configuration sees it: its section, its options type and a value for every setting it has.</summary>
/// <param name="Section">The section name under <c>NanoBanana</c>, e.g. <c>AceData</c>.</param>
/// <param name="RegistrationName">The default registration name, e.g. <c>acedata</c>.</param>
/// <param name="OptionsType">The options class the section binds to.</param>
/// <param name="Add">Registers the provider under a name, bound from a configuration section.</param>
/// <param name="Resolve">Reads the named options from a container.</param>
/// <param name="CreateDefault">A fresh options instance with the defaults.</param>
/// <param name="ApiKeyVariables">The key's environment variables, in the order they are read.</param>
/// <param name="EmulatorBaseAddress">The provider's base address on the emulator.</param>
/// <param name="EverySetting">A value, different from the default, for every setting (keys relative to the section).</param>
public sealed record ProviderSection(
    string Section,
    string RegistrationName,
    Type OptionsType,
    Func<NanoBananaBuilder, string, IConfiguration, NanoBananaProviderBuilder> Add,
    Func<IServiceProvider, string, object> Resolve,
    Func<object> CreateDefault,
    IReadOnlyList<string> ApiKeyVariables,
    Func<NanoBananaEmulator, Uri> EmulatorBaseAddress,
    IReadOnlyDictionary<string, string> EverySetting)
{
    /// <summary>The section's path, e.g. <c>NanoBanana:AceData</c>.</summary>
    public string Path => "NanoBanana:" + Section;

    /// <summary>The least a section needs to pass validation besides its key: only DreamTo has no default base address.</summary>
    public IReadOnlyDictionary<string, string> Required { get; init; } = new Dictionary<string, string>();

    /// <inheritdoc/>
    public override string ToString() => Section;
}
