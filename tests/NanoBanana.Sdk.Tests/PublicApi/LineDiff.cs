using System.Text;

namespace NanoBanana.Sdk.Tests.PublicApi;

/// <summary>A readable line diff of two listings: each changed run under the type declaration it belongs to.</summary>
internal static class LineDiff
{
    // Above this the longest-common-subsequence table would cost too much memory; the runs are then shown whole.
    private const long MaxTableCells = 20_000_000;

    /// <summary>The removed (<c>-</c>) and added (<c>+</c>) lines, or an empty string when the texts are equal.</summary>
    /// <param name="expected">The checked-in listing.</param>
    /// <param name="actual">The listing of the code as built.</param>
    public static string Create(string expected, string actual)
    {
        var before = expected.Split('\n');
        var after = actual.Split('\n');
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix
            && before[^(suffix + 1)] == after[^(suffix + 1)])
        {
            suffix++;
        }

        var removed = before[prefix..^suffix];
        var added = after[prefix..^suffix];
        if (removed.Length == 0 && added.Length == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        var inHunk = false;
        foreach (var (kind, line, index) in Edits(removed, added))
        {
            if (kind == ' ')
            {
                inHunk = false;
                continue;
            }

            if (!inHunk)
            {
                var lineNumber = prefix + index + 1;
                text.Append("@@ line ").Append(lineNumber).Append(", in: ").Append(Owner(before, prefix + index)).Append('\n');
                inHunk = true;
            }

            text.Append(kind).Append(' ').Append(line).Append('\n');
        }

        return text.ToString();
    }

    // Shortest edit by longest common subsequence; the index is the position in the removed run (for line numbers).
    private static List<(char Kind, string Line, int Index)> Edits(string[] removed, string[] added)
    {
        if ((long)removed.Length * added.Length > MaxTableCells)
        {
            return [.. removed.Select((line, i) => ('-', line, i)), .. added.Select(line => ('+', line, removed.Length))];
        }

        var common = new int[removed.Length + 1, added.Length + 1];
        for (var i = removed.Length - 1; i >= 0; i--)
        {
            for (var j = added.Length - 1; j >= 0; j--)
            {
                common[i, j] = removed[i] == added[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<(char, string, int)>();
        int r = 0, a = 0;
        while (r < removed.Length || a < added.Length)
        {
            if (r < removed.Length && a < added.Length && removed[r] == added[a])
            {
                edits.Add((' ', removed[r], r));
                r++;
                a++;
            }
            else if (r < removed.Length && (a == added.Length || common[r + 1, a] >= common[r, a + 1]))
            {
                edits.Add(('-', removed[r], r));
                r++;
            }
            else
            {
                edits.Add(('+', added[a], r));
                a++;
            }
        }

        return edits;
    }

    // The nearest declaration line at or above a line of the checked-in listing: members are indented, types are not.
    private static string Owner(string[] lines, int index)
    {
        for (var i = Math.Min(index, lines.Length - 1); i >= 0; i--)
        {
            if (lines[i].Length > 0 && !char.IsWhiteSpace(lines[i][0]) && lines[i][0] != '[')
            {
                return lines[i];
            }
        }

        return "(start)";
    }
}
