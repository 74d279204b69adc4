using System.Collections.Frozen;
using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid.Parsing;

/// <summary>Parses one tag (its token holds the name and markup) into a node, or null when it renders nothing.</summary>
internal delegate Node? TagParser(TemplateParser parser, TemplateToken tag);

/// <summary>
/// The tags the parser knows, by name, as Shopify's <c>Liquid::Tags</c> lists them: Liquid 5's standard tags, then
/// the tags Braze adds. A new tag is a registration here and a parser method, not an edit of the parser's loop.
/// </summary>
internal static class TagRegistry
{
    /// <summary>Liquid 5's tags.</summary>
    public static FrozenDictionary<string, TagParser> Standard { get; } = new Dictionary<string, TagParser>(StringComparer.Ordinal)
    {
        ["if"] = static (p, t) => p.ParseIf(t, unless: false),
        ["unless"] = static (p, t) => p.ParseIf(t, unless: true),
        ["case"] = static (p, t) => p.ParseCase(t),
        ["ifchanged"] = static (p, t) => p.ParseIfChanged(t),
        ["for"] = static (p, t) => p.ParseFor(t),
        ["tablerow"] = static (p, t) => p.ParseTablerow(t),
        ["cycle"] = static (p, t) => p.ParseCycle(t),
        ["break"] = static (p, t) => p.ParseInterrupt(t, Interrupt.Break),
        ["continue"] = static (p, t) => p.ParseInterrupt(t, Interrupt.Continue),
        ["assign"] = static (p, t) => p.ParseAssign(t),
        ["capture"] = static (p, t) => p.ParseCapture(t),
        ["increment"] = static (p, t) => p.ParseCounter(t, increment: true),
        ["decrement"] = static (p, t) => p.ParseCounter(t, increment: false),
        ["echo"] = static (p, t) => p.ParseEcho(t),
        ["comment"] = static (p, t) => p.SkipComment(t),
        ["#"] = static (p, t) => p.ParseInlineComment(t),
        ["raw"] = static (p, t) => p.ParseRaw(t),
        ["doc"] = static (p, t) => p.ParseDoc(t),
        ["liquid"] = static (p, t) => p.ParseLiquid(t),
        ["include"] = static (p, t) => p.ParseInclude(t),
        ["render"] = static (p, t) => p.ParseRender(t),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The tags Braze adds to Liquid.</summary>
    public static FrozenDictionary<string, TagParser> Braze { get; } = new Dictionary<string, TagParser>(StringComparer.Ordinal)
    {
        ["abort_message"] = static (p, t) => p.ParseAbort(t),
        ["connected_content"] = static (p, t) => p.ParseConnectedContent(t),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every tag the engine parses.</summary>
    public static FrozenDictionary<string, TagParser> All { get; } =
        Standard.Concat(Braze).ToFrozenDictionary(StringComparer.Ordinal);
}
