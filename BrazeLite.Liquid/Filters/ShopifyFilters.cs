using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static BrazeLite.Liquid.Filters.FilterSupport;

namespace BrazeLite.Liquid.Filters;

/// <summary>
/// Shopify storefront filters outside standard Liquid that a template copied from Shopify may use. They work as Shopify
/// defines them for plain values; Braze does not support them, so <see cref="BuiltInFilters.BrazeUnsupported"/> lists them.
/// </summary>
internal static partial class ShopifyFilters
{
    public static void Register(FilterRegistry filters)
    {
        filters.Add("pluralize", (input, args, _) =>
        {
            var n = LiquidValues.ToNumber(input);
            var one = n is long l ? l == 1 : n is double x && x == 1;
            return one ? args[0] : args[1];
        }, arity: (3, 3));
        filters.Add("handleize", (input, _, _) => Handleize(Str(input)));
        filters.Add("handle", (input, _, _) => Handleize(Str(input)));
        filters.Add("camelize", (input, _, _) => Camelize(Str(input)));
        filters.Add("highlight", (input, args, _) => Highlight(Str(input), Str(args[0])), arity: (2, 2));
        filters.Add("money", (input, _, _) => "$" + Money(input));
        filters.Add("money_with_currency", (input, _, _) => "$" + Money(input) + " USD");
        filters.Add("money_without_currency", (input, _, _) => Money(input));
        filters.Add("money_without_trailing_zeros", (input, _, _) => "$" + Money(input).Replace(".00", "", StringComparison.Ordinal));
        filters.Add("format_address", (input, _, _) => FormatAddress(input));
        ColorFilters.Register(filters);
        filters.Add("font_face", (input, _, context) => FontUnavailable(input, "font_face", context));
        filters.Add("font_modify", (input, _, context) => FontUnavailable(input, "font_modify", context));
        filters.Add("font_url", (input, _, context) => FontUnavailable(input, "font_url", context));
    }

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonHandleChars();

    private static string Handleize(string s) => NonHandleChars().Replace(s.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordSeparators();

    private static string Camelize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var part in WordSeparators().Split(s))
        {
            if (part.Length == 0) continue;
            sb.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }
        return sb.ToString();
    }

    private static string Highlight(string text, string term)
    {
        if (term.Length == 0) return text;
        var pattern = Regex.Escape(term);
        return Guard(Regex.Replace(text, pattern, m => $"<strong class=\"highlight\">{m.Value}</strong>",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), "highlight");
    }

    // Shopify money filters take an amount in cents.
    private static string Money(object? input)
    {
        var cents = LiquidValues.ToNumber(input) switch
        {
            long l => (decimal)l,
            double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e27 => (decimal)d,
            _ => 0m,
        };
        var amount = Math.Round(cents / 100m, 2, MidpointRounding.AwayFromZero);
        return amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
    }

    private static string FormatAddress(object? input)
    {
        if (input is not IDictionary<string, object?> address) return "";
        string Field(string key) => address.TryGetValue(key, out var v) ? HtmlUrlFilters.Escape(Str(v)) : "";
        var lines = new[]
        {
            string.Join(" ", new[] { Field("first_name"), Field("last_name") }.Where(x => x.Length > 0)),
            Field("company"),
            Field("address1"),
            Field("address2"),
            string.Join(" ", new[] { Field("city"), Field("province_code"), Field("zip") }.Where(x => x.Length > 0)),
            Field("country"),
        }.Where(x => x.Length > 0);
        return "<p>" + string.Join("<br>", lines) + "</p>";
    }

    private static object? FontUnavailable(object? input, string filter, IFilterContext context)
    {
        context.Warn($"{filter} needs a Shopify font object, which does not exist outside a Shopify store");
        return input;
    }
}
