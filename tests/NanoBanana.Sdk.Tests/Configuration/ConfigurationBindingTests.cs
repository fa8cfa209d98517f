using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NanoBanana.Sdk.Tests.Configuration;

/// <summary>Every provider binds every setting, nested ones included, from its <c>NanoBanana:&lt;Provider&gt;</c> section.</summary>
public sealed class ConfigurationBindingTests
{
    private static object Bind(ProviderSection provider, IReadOnlyDictionary<string, string> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"{provider.Path}:{s.Key}", s.Value)))
            .Build();
        var services = new ServiceCollection();
        provider.Add(services.AddNanoBanana(), provider.RegistrationName, configuration.GetSection(provider.Path));
        using var container = services.BuildServiceProvider();
        return provider.Resolve(container, provider.RegistrationName);
    }

    private static string Describe(object? value) => value is System.Collections.IEnumerable list and not string
        ? "[" + string.Join(", ", list.Cast<object>()) + "]"
        : value?.ToString() ?? "null";

    [Theory]
    [MemberData(nameof(ProviderSections.Names), MemberType = typeof(ProviderSections))]
    public void The_test_section_names_exactly_the_settings_the_options_have(string section)
    {
        var provider = ProviderSections.Get(section);

        // A list item (Webhooks:Secrets:0) names its list (Webhooks:Secrets).
        var named = provider.EverySetting.Keys
            .Select(key => int.TryParse(key[(key.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture, out _) ? key[..key.LastIndexOf(':')] : key)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(OptionsPaths.Settings(provider.OptionsType).Order(StringComparer.Ordinal), named);
    }

    [Theory]
    [MemberData(nameof(ProviderSections.Names), MemberType = typeof(ProviderSections))]
    public void Every_setting_binds_from_the_provider_section(string section)
    {
        var provider = ProviderSections.Get(section);

        var options = Bind(provider, provider.EverySetting);

        var wrong = provider.EverySetting
            .Where(s => !Equals(OptionsPaths.Convert(provider.OptionsType, s.Key, s.Value), OptionsPaths.Read(options, s.Key)))
            .Select(s => $"{s.Key}: configured {s.Value}, bound {Describe(OptionsPaths.Read(options, s.Key))}");
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(ProviderSections.Names), MemberType = typeof(ProviderSections))]
    public void Every_test_value_differs_from_the_default_so_binding_is_what_sets_it(string section)
    {
        var provider = ProviderSections.Get(section);
        var defaults = provider.CreateDefault();

        var unchanged = provider.EverySetting
            .Where(s => Equals(OptionsPaths.Convert(provider.OptionsType, s.Key, s.Value), OptionsPaths.Read(defaults, s.Key)))
            .Select(s => s.Key);

        Assert.Empty(unchanged);
    }

    [Theory]
    [MemberData(nameof(ProviderSections.Names), MemberType = typeof(ProviderSections))]
    public void A_section_with_only_the_required_settings_keeps_every_default(string section)
    {
        var provider = ProviderSections.Get(section);
        var settings = new Dictionary<string, string>(provider.Required) { ["ApiKey"] = "configured-key" };

        var options = Bind(provider, settings);

        var defaults = provider.CreateDefault();
        var changed = OptionsPaths.Settings(provider.OptionsType)
            .Where(key => !settings.ContainsKey(key))
            .Where(key => Describe(OptionsPaths.Read(options, key)) != Describe(OptionsPaths.Read(defaults, key)))
            .Select(key => $"{key}: default {Describe(OptionsPaths.Read(defaults, key))}, bound {Describe(OptionsPaths.Read(options, key))}");
        Assert.Empty(changed);
    }

    [Theory]
    [MemberData(nameof(ProviderSections.Names), MemberType = typeof(ProviderSections))]
    public void Two_registrations_of_a_provider_each_bind_their_own_section(string section)
    {
        var provider = ProviderSections.Get(section);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"NanoBanana:{section}A:ApiKey"] = "key-a",
            [$"NanoBanana:{section}A:BaseAddress"] = "http://127.0.0.1:9001/a/",
            [$"NanoBanana:{section}B:ApiKey"] = "key-b",
            [$"NanoBanana:{section}B:BaseAddress"] = "http://127.0.0.1:9002/b/",
        }).Build();
        var services = new ServiceCollection();
        var builder = services.AddNanoBanana();
        provider.Add(builder, "a", configuration.GetSection($"NanoBanana:{section}A"));
        provider.Add(builder, "b", configuration.GetSection($"NanoBanana:{section}B"));
        using var container = services.BuildServiceProvider();

        var a = provider.Resolve(container, "a");
        var b = provider.Resolve(container, "b");

        Assert.Equal("key-a", OptionsPaths.Read(a, "ApiKey"));
        Assert.Equal(new Uri("http://127.0.0.1:9001/a/"), OptionsPaths.Read(a, "BaseAddress"));
        Assert.Equal("key-b", OptionsPaths.Read(b, "ApiKey"));
        Assert.Equal(new Uri("http://127.0.0.1:9002/b/"), OptionsPaths.Read(b, "BaseAddress"));
    }
}
