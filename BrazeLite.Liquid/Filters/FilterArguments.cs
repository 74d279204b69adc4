namespace BrazeLite.Liquid;

/// <summary>Positional and keyword arguments given to a filter: <c>{{ x | f: 1, 2, key: 3 }}</c>.</summary>
public sealed record FilterArguments(IReadOnlyList<object?> Positional, IReadOnlyDictionary<string, object?> Named)
{
    /// <summary>No arguments.</summary>
    public static readonly FilterArguments None = new([], new Dictionary<string, object?>());

    /// <summary>The number of positional arguments.</summary>
    public int Count => Positional.Count;

    /// <summary>The positional argument at <paramref name="index"/>, or nil when there is none.</summary>
    public object? this[int index] => index < Positional.Count ? Positional[index] : null;
}
