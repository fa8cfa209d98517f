namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>One model of <see cref="BananaProModelCatalog"/>: its price per image and whether it takes <c>resolution</c>.</summary>
internal sealed record BananaProModel(string Id, int CreditsCost, bool TakesResolution);
