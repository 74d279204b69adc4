using System.Collections.Frozen;
using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid;

/// <summary>A partial provider backed by a dictionary of name to source.</summary>
public sealed class DictionaryPartialProvider(IReadOnlyDictionary<string, string> partials) : ILiquidPartialProvider
{
    /// <summary>A provider without partials.</summary>
    public static readonly DictionaryPartialProvider Empty = new(new Dictionary<string, string>());

    /// <inheritdoc />
    public bool TryGetPartial(string name, out string source)
    {
        if (partials.TryGetValue(name, out var s) || partials.TryGetValue(name + ".liquid", out s))
        {
            source = s;
            return true;
        }
        source = "";
        return false;
    }
}
