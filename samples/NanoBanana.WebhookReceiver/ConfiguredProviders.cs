using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Providers.AceData;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Providers.DreamToJobs;

namespace NanoBanana.WebhookReceiver;

/// <summary>
/// Registers every vendor that calls back and has an API key, in its <c>NanoBanana:&lt;Vendor&gt;</c> section or in the
/// vendor's environment variable. Each registration also registers that vendor's webhook parser under its name, which is
/// the <c>{provider}</c> segment of the endpoint.
/// </summary>
internal static class ConfiguredProviders
{
    public static IReadOnlyList<string> Add(NanoBananaBuilder nanoBanana, IConfiguration configuration)
    {
        var names = new List<string>();
        Add(names, configuration.GetSection("NanoBanana:Apixo"), ApixoImageClientOptions.ApiKeyEnvironmentVariables, nanoBanana.AddApixo);
        Add(names, configuration.GetSection("NanoBanana:AceData"), AceDataImageClientOptions.ApiKeyEnvironmentVariables, nanoBanana.AddAceData);
        Add(names, configuration.GetSection("NanoBanana:DreamToJobs"), DreamToJobsImageClientOptions.ApiKeyEnvironmentVariables, nanoBanana.AddDreamToJobs);
        Add(names, configuration.GetSection("NanoBanana:BananaPro"), BananaProImageClientOptions.ApiKeyEnvironmentVariables, nanoBanana.AddBananaPro);
        return names;
    }

    private static void Add(
        List<string> names, IConfigurationSection section, IReadOnlyList<string> environmentVariables, Func<IConfiguration, NanoBananaProviderBuilder> add)
    {
        var hasKey = !string.IsNullOrWhiteSpace(section["ApiKey"])
            || environmentVariables.Any(name => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)));
        if (hasKey)
        {
            names.Add(add(section).Name);
        }
    }
}
