using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace NanoBanana.Sdk.Tests.AspNetCore;

/// <summary>Mistakes in mapping the endpoint fail at start-up with a message that says what to do.</summary>
public sealed class WebhookEndpointMappingTests
{
    [Fact]
    public void A_pattern_without_a_provider_parameter_is_rejected()
    {
        using var app = App(withNanoBanana: true);

        var e = Assert.Throws<ArgumentException>(() => app.MapNanoBananaWebhooks("/webhooks/apixo"));

        Assert.Equal("pattern", e.ParamName);
        Assert.Contains("{provider}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 15, 10)]
    [InlineData(1024, -1, 10)]
    [InlineData(1024, 15, 0)]
    public void An_out_of_range_setting_is_rejected_by_name(int maxBodyBytes, int windowMinutes, int capacity)
    {
        using var app = App(withNanoBanana: true);

        var e = Assert.Throws<ArgumentException>(() => app.MapNanoBananaWebhooks(configure: o =>
        {
            o.MaxBodyBytes = maxBodyBytes;
            o.DeduplicationWindow = TimeSpan.FromMinutes(windowMinutes);
            o.DeduplicationCapacity = capacity;
        }));

        Assert.Equal("configure", e.ParamName);
    }

    [Fact]
    public void Mapping_without_add_nano_banana_says_to_call_it()
    {
        using var app = App(withNanoBanana: false);

        var e = Assert.Throws<InvalidOperationException>(() => app.MapNanoBananaWebhooks());

        Assert.Contains("AddNanoBanana()", e.Message, StringComparison.Ordinal);
    }

    private static WebApplication App(bool withNanoBanana)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        if (withNanoBanana)
        {
            builder.Services.AddNanoBanana();
        }

        return builder.Build();
    }
}
