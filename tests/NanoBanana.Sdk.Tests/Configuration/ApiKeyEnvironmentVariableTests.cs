using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NanoBanana.Sdk.Tests.Configuration;

/// <summary>
/// With no <c>ApiKey</c> in the section, each provider reads its documented environment variables, in order. These tests
/// change process environment variables, so they run in the collection that never runs in parallel.
/// </summary>
[Collection(EnvironmentVariablesGroup.Name)]
public sealed class ApiKeyEnvironmentVariableTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IHost BuildHost(ProviderSection provider, IDictionary<string, string> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"{provider.Path}:{s.Key}", s.Value)));
        provider.Add(builder.Services.AddNanoBanana(), provider.RegistrationName, builder.Configuration.GetSection(provider.Path));
        return builder.Build();
    }

    [Theory]
    [MemberData(nameof(ProviderSections.KeyVariables), MemberType = typeof(ProviderSections))]
    public async Task A_key_from_a_documented_environment_variable_authenticates_when_the_section_has_none(string section, string variable)
    {
        var emulator = fixture.Fresh();
        var provider = ProviderSections.Get(section);
        using var env = new EnvironmentVariableScope([.. ProviderSections.NoKeyVariables, (variable, emulator.ApiKey)]);
        using var host = BuildHost(provider, new Dictionary<string, string> { ["BaseAddress"] = provider.EmulatorBaseAddress(emulator).ToString() });
        await host.StartAsync(Ct);

        var operation = await host.Services.GetRequiredKeyedService<IImageGenerationClient>(provider.RegistrationName)
            .StartGenerationAsync(new ImageGenerationRequest { Prompt = "a watercolor fox" }, Ct);
        await host.StopAsync(Ct);

        Assert.False(string.IsNullOrEmpty(operation.Id));
    }

    [Theory]
    [MemberData(nameof(ProviderSections.Names), MemberType = typeof(ProviderSections))]
    public async Task A_key_in_the_section_wins_over_the_environment_variables(string section)
    {
        var emulator = fixture.Fresh();
        var provider = ProviderSections.Get(section);
        using var env = new EnvironmentVariableScope([.. provider.ApiKeyVariables.Select(v => (v, (string?)"rejected-key"))]);
        using var host = BuildHost(provider, new Dictionary<string, string>
        {
            ["BaseAddress"] = provider.EmulatorBaseAddress(emulator).ToString(),
            ["ApiKey"] = emulator.ApiKey,
        });
        await host.StartAsync(Ct);

        var operation = await host.Services.GetRequiredKeyedService<IImageGenerationClient>(provider.RegistrationName)
            .StartGenerationAsync(new ImageGenerationRequest { Prompt = "a watercolor fox" }, Ct);
        await host.StopAsync(Ct);

        Assert.False(string.IsNullOrEmpty(operation.Id));
    }

    [Theory]
    [MemberData(nameof(ProviderSections.WithSeveralKeyVariables), MemberType = typeof(ProviderSections))]
    public void The_first_documented_variable_that_is_set_wins(string section)
    {
        var provider = ProviderSections.Get(section);
        using var env = new EnvironmentVariableScope([.. provider.ApiKeyVariables.Select(v => (v, (string?)("key-from-" + v)))]);
        using var host = BuildHost(provider, new Dictionary<string, string>(provider.Required));

        var options = provider.Resolve(host.Services, provider.RegistrationName);

        var resolved = options.GetType().GetMethod("ResolveApiKey")!.Invoke(options, null);
        Assert.Equal("key-from-" + provider.ApiKeyVariables[0], resolved);
    }

    [Theory]
    [MemberData(nameof(ProviderSections.Names), MemberType = typeof(ProviderSections))]
    public async Task No_key_anywhere_fails_the_host_start_naming_the_key_and_every_variable(string section)
    {
        var provider = ProviderSections.Get(section);
        using var env = new EnvironmentVariableScope(ProviderSections.NoKeyVariables);
        using var host = BuildHost(provider, new Dictionary<string, string>(provider.Required));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains($"{provider.Path}:ApiKey is not set", e.Message, StringComparison.Ordinal);
        Assert.All(provider.ApiKeyVariables, variable => Assert.Contains(variable, e.Message, StringComparison.Ordinal));
    }
}
