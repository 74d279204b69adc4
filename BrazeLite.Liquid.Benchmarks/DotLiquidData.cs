using Hash = DotLiquid.Hash;

namespace BrazeLite.Liquid.Benchmarks;

/// <summary>Turns the scenario data into DotLiquid's value model (nested <see cref="Hash"/>es and lists).</summary>
public static class DotLiquidData
{
    public static Hash ToHash(IDictionary<string, object?> values)
    {
        var hash = new Hash();
        foreach (var (key, value) in values) hash[key] = Convert(value);
        return hash;
    }

    private static object? Convert(object? value) => value switch
    {
        IDictionary<string, object?> d => ToHash(d),
        System.Collections.IEnumerable list and not string => list.Cast<object?>().Select(Convert).ToList(),
        _ => value,
    };
}
