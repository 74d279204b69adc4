namespace BrazeLite.Liquid;

/// <summary>The <c>empty</c> literal: equal to empty strings, arrays and hashes.</summary>
public sealed class EmptyValue
{
    /// <summary>The one instance.</summary>
    public static readonly EmptyValue Instance = new();
    private EmptyValue() { }

    /// <summary>Prints as nothing.</summary>
    public override string ToString() => "";
}
