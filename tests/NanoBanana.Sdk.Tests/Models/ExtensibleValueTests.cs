namespace NanoBanana.Sdk.Tests.Models;

/// <summary>AspectRatio, ImageResolution, NanoBananaModel and ImageGenerationStatus: extensible, case-insensitive values.</summary>
public sealed class ExtensibleValueTests
{
    [Fact]
    public void Aspect_ratio_equality_ignores_case_and_hashes_alike()
    {
        var upper = new AspectRatio("AUTO");

        Assert.Equal(AspectRatio.Auto, upper);
        Assert.True(upper == AspectRatio.Auto);
        Assert.False(upper != AspectRatio.Auto);
        Assert.Equal(AspectRatio.Auto.GetHashCode(), upper.GetHashCode());
        Assert.Equal("AUTO", upper.ToString());
    }

    [Fact]
    public void Aspect_ratio_keeps_an_unknown_value()
    {
        AspectRatio custom = "7:3";

        Assert.Equal("7:3", custom.Value);
        Assert.DoesNotContain(custom, AspectRatio.KnownRatios);
        Assert.True(custom.TryGetTerms(out var w, out var h));
        Assert.Equal((7, 3), (w, h));
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("16:0")]
    [InlineData("a:b")]
    [InlineData("1:2:3")]
    [InlineData("-1:2")]
    public void Aspect_ratio_terms_are_read_only_from_positive_w_h(string value) =>
        Assert.False(new AspectRatio(value).TryGetTerms(out _, out _));

    [Fact]
    public void Aspect_ratio_known_list_has_the_fourteen_documented_ratios()
    {
        Assert.Equal(14, AspectRatio.KnownRatios.Count);
        Assert.Equal(14, AspectRatio.KnownRatios.Distinct().Count());
        Assert.All(AspectRatio.KnownRatios, r => Assert.True(r.TryGetTerms(out _, out _)));
    }

    [Fact]
    public void Default_aspect_ratio_is_square() => Assert.Equal(AspectRatio.Square, default(AspectRatio));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_values_are_rejected(string value)
    {
        Assert.ThrowsAny<ArgumentException>(() => new AspectRatio(value));
        Assert.ThrowsAny<ArgumentException>(() => new ImageResolution(value));
        Assert.ThrowsAny<ArgumentException>(() => new NanoBananaModel(value));
        Assert.ThrowsAny<ArgumentException>(() => new ImageGenerationStatus(value));
    }

    [Fact]
    public void Resolution_equality_ignores_case()
    {
        ImageResolution lower = "2k";

        Assert.Equal(ImageResolution.TwoK, lower);
        Assert.Equal(ImageResolution.TwoK.GetHashCode(), lower.GetHashCode());
        Assert.NotEqual(ImageResolution.FourK, lower);
    }

    [Fact]
    public void Resolution_keeps_an_unknown_value()
    {
        ImageResolution custom = "8K";

        Assert.Equal("8K", custom.ToString());
        Assert.NotEqual(ImageResolution.FourK, custom);
    }

    [Fact]
    public void Model_equality_ignores_case_and_unknown_ids_pass_through()
    {
        NanoBananaModel shouting = "GEMINI-2.5-FLASH-IMAGE";
        NanoBananaModel vendorId = "nanobanan2&pro";

        Assert.Equal(NanoBananaModel.NanoBanana, shouting);
        Assert.Equal("nanobanan2&pro", vendorId.Value);
        Assert.NotEqual(NanoBananaModel.NanoBananaPro, vendorId);
    }

    [Fact]
    public void Neutral_models_are_three_distinct_names()
    {
        NanoBananaModel[] all = [NanoBananaModel.NanoBanana, NanoBananaModel.NanoBananaPro, NanoBananaModel.NanoBanana2];

        Assert.Equal(3, all.Distinct().Count());
    }

    [Fact]
    public void Status_equality_ignores_case_and_terminal_states_are_known()
    {
        Assert.Equal(ImageGenerationStatus.Succeeded, new ImageGenerationStatus("SUCCEEDED"));
        Assert.True(ImageGenerationStatus.Succeeded.IsTerminal);
        Assert.True(ImageGenerationStatus.Failed.IsTerminal);
        Assert.True(ImageGenerationStatus.Canceled.IsTerminal);
        Assert.False(ImageGenerationStatus.Queued.IsTerminal);
        Assert.False(ImageGenerationStatus.Running.IsTerminal);
    }

    [Fact]
    public void Status_keeps_an_unknown_value_and_treats_it_as_not_terminal()
    {
        var custom = new ImageGenerationStatus("moderating");

        Assert.Equal("moderating", custom.ToString());
        Assert.False(custom.IsTerminal);
        Assert.NotEqual(ImageGenerationStatus.Running, custom);
    }

    [Fact]
    public void Values_work_as_dictionary_keys_regardless_of_case()
    {
        var byRatio = new Dictionary<AspectRatio, int> { [AspectRatio.Landscape16x9] = 1 };
        var byStatus = new HashSet<ImageGenerationStatus> { ImageGenerationStatus.Failed };

        Assert.Equal(1, byRatio[new AspectRatio("16:9")]);
        Assert.Contains(new ImageGenerationStatus("Failed"), byStatus);
    }
}
