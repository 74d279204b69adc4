namespace BrazeLite.Liquid;

/// <summary>The <c>blank</c> literal: equal to nil, false, empty or whitespace-only strings and empty collections.</summary>
public sealed class BlankValue
{
    /// <summary>The one instance.</summary>
    public static readonly BlankValue Instance = new();
    private BlankValue() { }

    /// <summary>Prints as nothing.</summary>
    public override string ToString() => "";
}
