namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>Builds a matrix's rows: every provider × every case that applies to it, named so a failing cell reads as one.</summary>
public static class FaultMatrix
{
    /// <summary>The rows of <paramref name="cases"/> over <paramref name="providers"/> (all providers by default).</summary>
    /// <param name="cases">The faults.</param>
    /// <param name="providers">Which providers the phase applies to.</param>
    /// <returns>(provider, fault) pairs.</returns>
    public static TheoryData<string, string> Rows(IEnumerable<FaultCase> cases, Func<FaultProvider, bool>? providers = null)
    {
        var rows = new TheoryData<string, string>();
        foreach (var provider in FaultProviders.All.Where(providers ?? (_ => true)))
        {
            foreach (var fault in cases.Where(c => c.AppliesTo(provider)))
            {
                rows.Add(provider.Name, fault.Name);
            }
        }

        return rows;
    }
}
