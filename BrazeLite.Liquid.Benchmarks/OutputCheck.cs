namespace BrazeLite.Liquid.Benchmarks;

/// <summary>Checks before any measurement that every engine renders the same text, so the timings compare like with like.</summary>
public static class OutputCheck
{
    public static void SameOutput(string scenario, string ours, string expectedFragment, params (string Engine, string Output)[] peers)
    {
        if (!ours.Contains(expectedFragment, StringComparison.Ordinal))
            throw new InvalidOperationException($"{scenario}: our output lacks \"{expectedFragment}\"");
        foreach (var (engine, output) in peers)
        {
            if (ours == output) continue;
            var at = 0;
            while (at < ours.Length && at < output.Length && ours[at] == output[at]) at++;
            throw new InvalidOperationException(
                $"{scenario}: {engine}'s output differs from ours at character {at}:\n  ours:  {Excerpt(ours, at)}\n  {engine}: {Excerpt(output, at)}");
        }
    }

    private static string Excerpt(string s, int at)
    {
        var start = Math.Max(0, at - 40);
        return s.Substring(start, Math.Min(s.Length - start, 100)).ReplaceLineEndings("⏎");
    }
}
