namespace BrazeLite.Liquid;

/// <summary>"Did you mean ...?": the known name closest to a misspelt one.</summary>
public static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="name"/> by edit distance (ties go to the ordinally smaller name), or null
    /// when none is within <paramref name="maxDistance"/> edits (by default a third of the name's length, at least 2).
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates, int? maxDistance = null)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(name, candidate);
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                bestDistance = d;
                best = candidate;
            }
        }
        return best is not null && bestDistance <= (maxDistance ?? Math.Max(2, name.Length / 3)) ? best : null;
    }

    /// <summary>The Levenshtein distance: the fewest insertions, deletions and substitutions that turn one into the other.</summary>
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
