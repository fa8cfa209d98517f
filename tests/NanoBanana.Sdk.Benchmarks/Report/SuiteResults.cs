namespace NanoBanana.Sdk.Benchmarks.Report;

/// <summary>One suite's figures by case key (<c>Sdk</c>, or <c>Sdk/8</c> with a parameter), and why the failed cases failed.</summary>
internal sealed class SuiteResults(Dictionary<string, Figure> figures, Dictionary<string, string> failures)
{
    public Figure? Find(string key) => figures.GetValueOrDefault(key);

    /// <summary>Why a case has no figure.</summary>
    public string Failure(string key) => failures.GetValueOrDefault(key) ?? "not run";
}
