using System.Collections.Frozen;

namespace Dashboard.Liquid.Filters;

/// <summary>
/// The filters of Shopify Liquid 5 (with Liquid's Ruby semantics) and the filters Braze adds, by name.
/// </summary>
public static class StandardFilters
{
    /// <summary>Every filter the engine knows, keyed by the name used in templates.</summary>
    public static IReadOnlyDictionary<string, FilterFunction> All { get; } = Build();

    /// <summary>
    /// Filters that work here (as Liquid or Shopify defines them) but that Braze does not support;
    /// the renderer warns when a template uses one.
    /// </summary>
    public static IReadOnlySet<string> BrazeUnsupported { get; } = new[]
    {
        "lstrip", "rstrip", "pluralize", "camelize", "handleize", "handle", "find_index",
        "money_with_currency", "money_without_currency", "money", "money_without_trailing_zeros",
        "highlight", "format_address",
        "color_brightness", "color_contrast", "color_darken", "color_desaturate", "color_difference",
        "color_extract", "color_lighten", "color_mix", "color_modify", "color_saturate", "color_to_hex",
        "color_to_hsl", "color_to_rgb", "brightness_difference", "hex_to_rgba",
        "font_face", "font_modify", "font_url",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, FilterFunction> Build()
    {
        var d = new Dictionary<string, FilterFunction>(StringComparer.Ordinal);
        StringFilters.Register(d);
        HtmlUrlFilters.Register(d);
        ArrayFilters.Register(d);
        MathFilters.Register(d);
        DateFilters.Register(d);
        BrazeFilters.Register(d);
        ShopifyFilters.Register(d);
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
