namespace BrazeLite.Liquid.Benchmarks;

/// <summary>Checks before any measurement that both engines render the same text, so the timings compare like with like.</summary>
public static class OutputCheck
{
    public static void SameOutput(string scenario, string ours, string dotLiquid, string expectedFragment)
    {
        if (!ours.Contains(expectedFragment, StringComparison.Ordinal))
            throw new InvalidOperationException($"{scenario}: our output lacks \"{expectedFragment}\"");
        if (ours == dotLiquid) return;
        var at = 0;
        while (at < ours.Length && at < dotLiquid.Length && ours[at] == dotLiquid[at]) at++;
        throw new InvalidOperationException(
            $"{scenario}: the engines' outputs differ at character {at}:\n  ours:      {Excerpt(ours, at)}\n  DotLiquid: {Excerpt(dotLiquid, at)}");
    }

    private static string Excerpt(string s, int at)
    {
        var start = Math.Max(0, at - 40);
        return s.Substring(start, Math.Min(s.Length - start, 100)).ReplaceLineEndings("⏎");
    }
}
