using System.Collections;
using System.Reflection;
using NanoBanana.Sdk.Tests.BadInput;

namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>
/// The figures of the fault and bad-input matrices, counted from their theory data (and written to the test output for
/// the docs), and the promise behind them: no provider row is missing from a phase that applies to it.
/// </summary>
public sealed class MatrixFiguresTests
{
    [Fact]
    public void Every_provider_has_every_fault_of_every_phase_that_applies_to_it()
    {
        var all = FaultProviders.All;
        var submitFaults = Faults(SubmitFaultTests.Matrix);
        var pollFaults = Faults(PollFaultTests.Matrix);
        var streamFaults = Faults(StreamFaultTests.Matrix);

        Assert.Equal(all.Count * submitFaults, Cells(SubmitFaultTests.Matrix));
        Assert.Equal(all.Count(p => p.StatusPath is not null) * pollFaults, Cells(PollFaultTests.Matrix));
        Assert.Equal(all.Count(p => p.StreamPath is not null) * streamFaults, Cells(StreamFaultTests.Matrix));
        Assert.Equal(all.Count, Cells(ConnectionFaultTests.Providers));
        Assert.Equal(all.Count, Cells(RedirectTests.Providers));
        Assert.All(BadInputClients.Providers, name => Assert.Contains(all, p => p.Name == name));

        Write($"providers: {all.Count}");
        Write($"faults: {submitFaults} on the submit, {pollFaults} on the status read, {streamFaults} on native streams, plus connection refused (submit and status read) and a redirect through DI");
        Write($"cells: {Cells(SubmitFaultTests.Matrix)} submit + {Cells(PollFaultTests.Matrix)} status read + {Cells(StreamFaultTests.Matrix)} stream"
            + $" + {Cells(ConnectionFaultTests.Providers)} connection refused on the submit + {Cells(ConnectionFaultTests.ProvidersWithStatus)} on the status read"
            + $" + {Cells(RedirectTests.Providers)} redirect through DI");
        Write($"bad-input cases: {BadInputCases()}");
    }

    /// <summary>How many rows a theory's data has.</summary>
    private static int Cells(IEnumerable rows) => rows.Cast<object>().Count();

    /// <summary>How many distinct faults (the second column) a matrix has.</summary>
    private static int Faults(IEnumerable<ITheoryDataRow> rows) => rows.Select(row => row.GetData()[1]).Distinct().Count();

    /// <summary>Every case of the bad-input matrix (each asserts that nothing was sent): the rows of each theory's data, and each fact.</summary>
    private static int BadInputCases()
    {
        var type = typeof(BadInputMatrixTests);
        var cases = 0;
        foreach (var method in type.GetMethods())
        {
            if (method.GetCustomAttribute<TheoryAttribute>() is not null)
            {
                cases += method.GetCustomAttributes<MemberDataAttribute>()
                    .Sum(data => Cells((IEnumerable)type.GetProperty(data.MemberName, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!));
                cases += method.GetCustomAttributes<InlineDataAttribute>().Count();
            }
            else if (method.GetCustomAttribute<FactAttribute>() is not null)
            {
                cases++;
            }
        }

        return cases;
    }

    private static void Write(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
