using System.Collections.Frozen;

namespace BrazeLite.Liquid.Filters;

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
        foreach (var (name, (min, max)) in Arity)
        {
            var inner = d[name];
            d[name] = (input, args, context) =>
            {
                // Ruby counts the input, and keyword arguments arrive as one trailing hash.
                var given = 1 + args.Count + (args.Named.Count > 0 ? 1 : 0);
                if (given < min || given > max)
                    throw new LiquidFilterException($"{name}: wrong number of arguments (given {given}, expected {(min == max ? $"{min}" : $"{min}..{max}")})");
                return inner(input, args, context);
            };
        }
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // Ruby method arities (input included) of the filters, for Liquid's "wrong number of arguments" errors.
    private static Dictionary<string, (int Min, int Max)> Arity => new(StringComparer.Ordinal)
    {
        ["append"] = (2, 2), ["prepend"] = (2, 2), ["replace"] = (2, 3), ["replace_first"] = (2, 3), ["replace_last"] = (3, 3),
        ["remove"] = (2, 2), ["remove_first"] = (2, 2), ["remove_last"] = (2, 2), ["split"] = (2, 2), ["concat"] = (2, 2),
        ["date"] = (2, 2), ["plus"] = (2, 2), ["minus"] = (2, 2), ["times"] = (2, 2), ["divided_by"] = (2, 2), ["modulo"] = (2, 2),
        ["at_least"] = (2, 2), ["at_most"] = (2, 2), ["where"] = (2, 3), ["reject"] = (2, 3), ["has"] = (2, 3), ["find"] = (2, 3),
        ["find_index"] = (2, 3), ["map"] = (2, 2), ["slice"] = (2, 3), ["truncate"] = (1, 3), ["truncatewords"] = (1, 3),
        ["join"] = (1, 2), ["default"] = (1, 3), ["round"] = (1, 2), ["sort"] = (1, 2), ["sort_natural"] = (1, 2), ["uniq"] = (1, 2),
        ["compact"] = (1, 2), ["sum"] = (1, 2),
        ["size"] = (1, 1), ["first"] = (1, 1), ["last"] = (1, 1), ["reverse"] = (1, 1), ["upcase"] = (1, 1), ["downcase"] = (1, 1),
        ["capitalize"] = (1, 1), ["strip"] = (1, 1), ["lstrip"] = (1, 1), ["rstrip"] = (1, 1), ["strip_html"] = (1, 1),
        ["strip_newlines"] = (1, 1), ["newline_to_br"] = (1, 1), ["escape"] = (1, 1), ["h"] = (1, 1), ["escape_once"] = (1, 1),
        ["url_encode"] = (1, 1), ["url_decode"] = (1, 1), ["abs"] = (1, 1), ["ceil"] = (1, 1), ["floor"] = (1, 1),
        ["base64_encode"] = (1, 1), ["base64_decode"] = (1, 1), ["base64_url_safe_encode"] = (1, 1), ["base64_url_safe_decode"] = (1, 1),
        ["md5"] = (1, 1), ["sha1"] = (1, 1), ["sha2"] = (1, 1), ["url_escape"] = (1, 1), ["url_param_escape"] = (1, 1),
        ["property_accessor"] = (2, 2), ["time_zone"] = (2, 2), ["json_escape"] = (1, 1), ["pluralize"] = (3, 3),
        ["highlight"] = (2, 2),
    };
}
