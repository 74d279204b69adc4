using System.Collections.Frozen;
using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid;

/// <summary>How forgiving the parser is.</summary>
public enum LiquidErrorMode
{
    /// <summary>Malformed markup is an error; an unknown filter is a parse error with a suggestion.</summary>
    Strict,

    /// <summary>Shopify's lax parsing: malformed markup is read as well as possible; unknown filters pass their input through.</summary>
    Lax,
}
