using System.Collections.Frozen;
using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid;

/// <summary>Supplies partials by name for <c>include</c>, <c>render</c> and <c>content_blocks.${name}</c>.</summary>
public interface ILiquidPartialProvider
{
    /// <summary>The source of partial <paramref name="name"/>, or false when there is none.</summary>
    bool TryGetPartial(string name, out string source);
}
