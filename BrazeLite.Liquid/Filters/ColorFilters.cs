using System.Globalization;
using static BrazeLite.Liquid.Filters.FilterSupport;

namespace BrazeLite.Liquid.Filters;

/// <summary>Shopify's color filters on CSS colors written as <c>#rgb</c>, <c>#rrggbb</c>, <c>rgb()</c>/<c>rgba()</c> or <c>hsl()</c>/<c>hsla()</c>.</summary>
internal static class ColorFilters
{
    public static void Register(FilterRegistry filters)
    {
        filters.Add("color_to_rgb", (input, _, _) => Color.TryParse(Str(input), out var c) ? c.ToRgb() : input);
        filters.Add("color_to_hex", (input, _, _) => Color.TryParse(Str(input), out var c) ? c.ToHex() : input);
        filters.Add("color_to_hsl", (input, _, _) => Color.TryParse(Str(input), out var c) ? c.ToHsl() : input);
        filters.Add("color_extract", (input, args, _) => Color.TryParse(Str(input), out var c) ? c.Extract(Str(args[0])) : null);
        filters.Add("color_brightness", (input, _, _) => Color.TryParse(Str(input), out var c) ? Math.Round(c.Brightness(), 2) : input);
        filters.Add("color_lighten", (input, args, _) => Adjust(input, args, (c, n) => c.WithLightness(c.L + n)));
        filters.Add("color_darken", (input, args, _) => Adjust(input, args, (c, n) => c.WithLightness(c.L - n)));
        filters.Add("color_saturate", (input, args, _) => Adjust(input, args, (c, n) => c.WithSaturation(c.S + n)));
        filters.Add("color_desaturate", (input, args, _) => Adjust(input, args, (c, n) => c.WithSaturation(c.S - n)));
        filters.Add("color_modify", (input, args, _) =>
        {
            if (!Color.TryParse(Str(input), out var c)) return input;
            var value = LiquidValues.ToNumber(args[1]) is long l ? l : (double)LiquidValues.ToNumber(args[1]);
            var modified = Str(args[0]) switch
            {
                "red" => c with { R = Clamp(value, 255) },
                "green" => c with { G = Clamp(value, 255) },
                "blue" => c with { B = Clamp(value, 255) },
                "alpha" => c with { A = Math.Clamp(value, 0, 1) },
                "hue" => c.WithHue(value),
                "saturation" => c.WithSaturation(value),
                "lightness" => c.WithLightness(value),
                _ => throw new LiquidFilterException($"color_modify: unknown field '{Str(args[0])}' (red, green, blue, alpha, hue, saturation or lightness)"),
            };
            return modified.A < 1 || c.A < 1 ? modified.ToRgb() : modified.ToHex();
        });
        filters.Add("color_mix", (input, args, _) =>
        {
            if (!Color.TryParse(Str(input), out var a) || !Color.TryParse(Str(args[0]), out var b)) return input;
            var w = Math.Clamp(Number(args[1]), 0, 100) / 100;
            var mixed = new Color(Clamp(a.R * w + b.R * (1 - w), 255), Clamp(a.G * w + b.G * (1 - w), 255), Clamp(a.B * w + b.B * (1 - w), 255), a.A * w + b.A * (1 - w));
            return mixed.A < 1 ? mixed.ToRgb() : mixed.ToHex();
        });
        filters.Add("color_contrast", (input, args, _) =>
            Color.TryParse(Str(input), out var a) && Color.TryParse(Str(args[0]), out var b)
                ? Math.Round((Math.Max(a.Luminance(), b.Luminance()) + 0.05) / (Math.Min(a.Luminance(), b.Luminance()) + 0.05), 1)
                : input);
        filters.Add("color_difference", (input, args, _) =>
            Color.TryParse(Str(input), out var a) && Color.TryParse(Str(args[0]), out var b)
                ? (long)(Math.Max(a.R, b.R) - Math.Min(a.R, b.R) + Math.Max(a.G, b.G) - Math.Min(a.G, b.G) + Math.Max(a.B, b.B) - Math.Min(a.B, b.B))
                : input);
        filters.Add("brightness_difference", (input, args, _) =>
            Color.TryParse(Str(input), out var a) && Color.TryParse(Str(args[0]), out var b)
                ? (long)Math.Round(Math.Abs(a.Brightness() - b.Brightness()))
                : input);
        filters.Add("hex_to_rgba", (input, args, _) =>
        {
            if (!Color.TryParse(Str(input), out var c)) return input;
            var alpha = args.Count > 0 ? Number(args[0]) : 1;
            return (c with { A = Math.Clamp(alpha, 0, 1) }).ToRgb(forceAlpha: true);
        });
    }

    private static double Number(object? value) => LiquidValues.ToNumber(value) switch
    {
        long l => l,
        double d => d,
        _ => 0,
    };

    private static double Clamp(double v, double max) => Math.Clamp(Math.Round(v), 0, max);

    private static object? Adjust(object? input, FilterArguments args, Func<Color, double, Color> change)
    {
        if (!Color.TryParse(Str(input), out var c)) return input;
        var result = change(c, Number(args[0]));
        return result.A < 1 ? result.ToRgb() : result.ToHex();
    }

    private readonly record struct Color(double R, double G, double B, double A)
    {
        public static bool TryParse(string text, out Color color)
        {
            color = default;
            var s = text.Trim().ToLowerInvariant();
            if (s.StartsWith('#'))
            {
                var hex = s[1..];
                if (hex.Length == 3) hex = string.Concat(hex.Select(c => $"{c}{c}"));
                if (hex.Length != 6 || !hex.All(char.IsAsciiHexDigit)) return false;
                color = new Color(Hex(hex, 0), Hex(hex, 2), Hex(hex, 4), 1);
                return true;
            }
            var open = s.IndexOf('(');
            if (open < 0 || !s.EndsWith(')')) return false;
            var name = s[..open].Trim();
            var parts = s[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length is < 3 or > 4) return false;
            double P(int i) => double.TryParse(parts[i].TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
            var alpha = parts.Length == 4 ? P(3) : 1;
            if (name is "rgb" or "rgba")
                color = new Color(P(0), P(1), P(2), alpha);
            else if (name is "hsl" or "hsla")
                color = FromHsl(P(0), P(1), P(2), alpha);
            else return false;
            return !double.IsNaN(color.R + color.G + color.B + color.A);
        }

        private static double Hex(string hex, int at) => int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

        public string ToHex() => string.Create(CultureInfo.InvariantCulture, $"#{(int)Math.Round(R):x2}{(int)Math.Round(G):x2}{(int)Math.Round(B):x2}");

        public string ToRgb(bool forceAlpha = false) => A < 1 || forceAlpha
            ? string.Create(CultureInfo.InvariantCulture, $"rgba({Math.Round(R)}, {Math.Round(G)}, {Math.Round(B)}, {LiquidValues.FormatFloat(Math.Round(A, 2)).Replace(".0", "", StringComparison.Ordinal)})")
            : string.Create(CultureInfo.InvariantCulture, $"rgb({Math.Round(R)}, {Math.Round(G)}, {Math.Round(B)})");

        public string ToHsl() => A < 1
            ? string.Create(CultureInfo.InvariantCulture, $"hsla({Math.Round(H)}, {Math.Round(S)}%, {Math.Round(L)}%, {LiquidValues.FormatFloat(Math.Round(A, 2)).Replace(".0", "", StringComparison.Ordinal)})")
            : string.Create(CultureInfo.InvariantCulture, $"hsl({Math.Round(H)}, {Math.Round(S)}%, {Math.Round(L)}%)");

        public object? Extract(string field) => field switch
        {
            "red" => (object)(long)Math.Round(R),
            "green" => (long)Math.Round(G),
            "blue" => (long)Math.Round(B),
            "alpha" => A,
            "hue" => (long)Math.Round(H),
            "saturation" => (long)Math.Round(S),
            "lightness" => (long)Math.Round(L),
            _ => throw new LiquidFilterException($"color_extract: unknown field '{field}' (red, green, blue, alpha, hue, saturation or lightness)"),
        };

        public double Brightness() => (R * 299 + G * 587 + B * 114) / 1000;

        public double Luminance()
        {
            static double Channel(double c)
            {
                c /= 255;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }
            return 0.2126 * Channel(R) + 0.7152 * Channel(G) + 0.0722 * Channel(B);
        }

        private (double H, double S, double L) Hsl
        {
            get
            {
                double r = R / 255, g = G / 255, b = B / 255;
                double max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
                var l = (max + min) / 2;
                if (max == min) return (0, 0, l * 100);
                var delta = max - min;
                var s = l > 0.5 ? delta / (2 - max - min) : delta / (max + min);
                double h;
                if (max == r) h = (g - b) / delta + (g < b ? 6 : 0);
                else if (max == g) h = (b - r) / delta + 2;
                else h = (r - g) / delta + 4;
                return (h * 60, s * 100, l * 100);
            }
        }

        public double H => Hsl.H;
        public double S => Hsl.S;
        public double L => Hsl.L;

        public Color WithHue(double h) => FromHsl(h, S, L, A);
        public Color WithSaturation(double s) => FromHsl(H, Math.Clamp(s, 0, 100), L, A);
        public Color WithLightness(double l) => FromHsl(H, S, Math.Clamp(l, 0, 100), A);

        private static Color FromHsl(double h, double s, double l, double a)
        {
            h = ((h % 360) + 360) % 360 / 360;
            s = Math.Clamp(s, 0, 100) / 100;
            l = Math.Clamp(l, 0, 100) / 100;
            if (s == 0) return new Color(l * 255, l * 255, l * 255, a);
            var q = l < 0.5 ? l * (1 + s) : l + s - l * s;
            var p = 2 * l - q;
            static double Hue(double p, double q, double t)
            {
                if (t < 0) t += 1;
                if (t > 1) t -= 1;
                if (t < 1.0 / 6) return p + (q - p) * 6 * t;
                if (t < 0.5) return q;
                if (t < 2.0 / 3) return p + (q - p) * (2.0 / 3 - t) * 6;
                return p;
            }
            return new Color(Math.Round(Hue(p, q, h + 1.0 / 3) * 255), Math.Round(Hue(p, q, h) * 255), Math.Round(Hue(p, q, h - 1.0 / 3) * 255), a);
        }
    }
}
