using System.Collections.Frozen;
using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid;

/// <summary>A variable path a template reads, as written (<c>api_trigger_properties.${product}</c>) and as keys.</summary>
/// <param name="Path">The path as written in the source.</param>
/// <param name="Segments">
/// The keys from the root (<c>["api_trigger_properties", "product"]</c>); <c>"[]"</c> stands for an element of an array
/// (<c>items[0]</c>, or a loop variable). Loop variables and variables assigned a plain lookup are resolved to what they
/// stand for: <c>item.name</c> inside <c>for item in api_trigger_properties.items</c> gives
/// <c>["api_trigger_properties", "items", "[]", "name"]</c>. Stops at the first computed key.
/// </param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record LiquidVariablePath(string Path, IReadOnlyList<string> Segments, int Line, int Column)
{
    /// <summary>Whether this use is followed by a <c>default</c> filter (<c>{{${first_name} | default: 'there'}}</c>): the author expects it may be missing.</summary>
    public bool HasDefault { get; init; }
}
