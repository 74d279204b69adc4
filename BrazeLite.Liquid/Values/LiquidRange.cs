namespace BrazeLite.Liquid;

/// <summary>An inclusive integer range such as <c>(1..5)</c>; enumerating it allocates nothing per element beyond the boxed number.</summary>
public readonly record struct LiquidRange(long Start, long End)
{
    /// <summary>Number of elements (0 when <see cref="End"/> is below <see cref="Start"/>).</summary>
    public long Count => End < Start ? 0 : End - Start + 1;

    /// <summary>Ruby's <c>Range#to_s</c>: <c>1..5</c>.</summary>
    public override string ToString() => $"{Start}..{End}";
}
