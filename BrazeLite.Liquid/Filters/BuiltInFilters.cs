using System.Collections.Frozen;

namespace BrazeLite.Liquid.Filters;

/// <summary>
/// The filters the engine knows by default: Shopify Liquid 5's (with Liquid's Ruby semantics), Shopify's storefront
/// filters that work on plain values, and the filters Braze adds.
/// </summary>
public static class BuiltInFilters
{
    /// <summary>Every built-in filter, keyed by the name used in templates.</summary>
    public static IReadOnlyDictionary<string, FilterFunction> All { get; } = Registry().ToDictionary();

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

    /// <summary>A new registry holding every built-in filter, to add one's own to.</summary>
    public static FilterRegistry Registry()
    {
        var filters = new FilterRegistry();
        StringFilters.Register(filters);
        HtmlUrlFilters.Register(filters);
        ArrayFilters.Register(filters);
        MathFilters.Register(filters);
        DateFilters.Register(filters);
        BrazeFilters.Register(filters);
        ShopifyFilters.Register(filters);
        return filters;
    }
}
