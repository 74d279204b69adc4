using System.Globalization;
using System.Text;
using BrazeLite.Liquid;
using BrazeLite.Liquid.Filters;
using YamlDotNet.RepresentationModel;

namespace BrazeLite.Liquid.Tests.Filters;

/// <summary>
/// Evaluates conformance specs whose templates are only text and <c>{{ value | filter: args }}</c> outputs,
/// so the filters can be checked against the shared specs on their own.
/// </summary>
public static class OutputSpecHarness
{
    public sealed record Spec(string File, string Name, string Template, object? Environment, string? Expected, bool ExpectsError);

    public static IEnumerable<Spec> Load()
    {
        foreach (var file in Directory.GetFiles(SpecRequirement.Require(), "*.yml").Order())
        {
            var yaml = new YamlStream();
            try { yaml.Load(new StringReader(File.ReadAllText(file))); }
            catch (YamlDotNet.Core.YamlException) { continue; }
            foreach (var doc in yaml.Documents)
            {
                var root = doc.RootNode;
                YamlSequenceNode? specs = root as YamlSequenceNode;
                if (root is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("specs"), out var s)) specs = s as YamlSequenceNode;
                if (specs is null) continue;
                foreach (var node in specs.OfType<YamlMappingNode>())
                {
                    string? Get(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode sc ? sc.Value : null;
                    var template = Get("template");
                    if (template is null || template.Contains("{%", StringComparison.Ordinal)) continue;
                    if (node.Children.ContainsKey(new YamlScalarNode("features")) || node.Children.ContainsKey(new YamlScalarNode("filesystem"))) continue;
                    if (node.Children.ContainsKey(new YamlScalarNode("expected_pattern"))) continue;
                    object? env = node.Children.TryGetValue(new YamlScalarNode("environment"), out var e) ? Convert(e) : null;
                    yield return new Spec(Path.GetFileName(file), Get("name") ?? "?", template, env, Get("expected"),
                        node.Children.ContainsKey(new YamlScalarNode("errors")));
                }
            }
        }
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode m => m.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => Convert(kv.Value)),
        YamlSequenceNode s => s.Children.Select(Convert).ToList(),
        YamlScalarNode sc => Scalar(sc),
        _ => null,
    };

    private static object? Scalar(YamlScalarNode sc)
    {
        var v = sc.Value;
        if (sc.Style != YamlDotNet.Core.ScalarStyle.Plain) return v;
        if (v is null or "~" or "null" or "") return null;
        if (v is "true") return true;
        if (v is "false") return false;
        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return v;
    }

    /// <summary>Renders a text-and-outputs template; throws <see cref="NotSupportedException"/> for syntax it does not cover.</summary>
    public static string Render(string template, object? environment, FilterTestContext context)
    {
        var env = LiquidValues.FromClr(environment) as IDictionary<string, object?> ?? new Dictionary<string, object?>();
        var sb = new StringBuilder();
        var pos = 0;
        while (pos < template.Length)
        {
            var open = template.IndexOf("{{", pos, StringComparison.Ordinal);
            if (open < 0) { sb.Append(template, pos, template.Length - pos); break; }
            var close = template.IndexOf("}}", open, StringComparison.Ordinal);
            if (close < 0) throw new NotSupportedException("unclosed output");
            var text = template[pos..open];
            var inner = template[(open + 2)..close];
            if (inner.StartsWith('-')) { text = text.TrimEnd(); inner = inner[1..]; }
            var trimAfter = inner.EndsWith('-');
            if (trimAfter) inner = inner[..^1];
            sb.Append(text);
            LiquidValues.AppendOutput(sb, Evaluate(inner, env, context));
            pos = close + 2;
            if (trimAfter) while (pos < template.Length && char.IsWhiteSpace(template[pos])) pos++;
        }
        return sb.ToString();
    }

    private static object? Evaluate(string expr, IDictionary<string, object?> env, FilterTestContext context)
    {
        var t = new Tokens(expr);
        var value = t.Value(env);
        while (t.Peek() == "|")
        {
            t.Next();
            var name = t.Next() ?? throw new NotSupportedException("filter name");
            var positional = new List<object?>();
            var named = new Dictionary<string, object?>();
            if (t.Peek() == ":")
            {
                t.Next();
                while (true)
                {
                    if (t.PeekNamed()) { var key = t.Next()!; t.Next(); named[key] = t.Value(env); }
                    else positional.Add(t.Value(env));
                    if (t.Peek() != ",") break;
                    t.Next();
                }
            }
            if (!BuiltInFilters.All.TryGetValue(name, out var filter)) throw new NotSupportedException("unknown filter " + name);
            value = filter(value, new FilterArguments(positional, named), context);
        }
        if (t.Peek() is not null) throw new NotSupportedException("trailing " + t.Peek());
        return value;
    }

    private sealed class Tokens
    {
        private readonly List<string> _items = [];
        private int _i;

        public Tokens(string s)
        {
            var i = 0;
            while (i < s.Length)
            {
                var c = s[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c is '\'' or '"')
                {
                    var end = s.IndexOf(c, i + 1);
                    if (end < 0) throw new NotSupportedException("string");
                    _items.Add(s[i..(end + 1)]);
                    i = end + 1;
                }
                else if (c is '|' or ':' or ',' or '(' or ')' or '[' or ']') { _items.Add(c.ToString()); i++; }
                else if (c == '.' && i + 1 < s.Length && s[i + 1] == '.') { _items.Add(".."); i += 2; }
                else
                {
                    var start = i;
                    while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('|' or ':' or ',' or '(' or ')' or '[' or ']' or '\'' or '"')
                        && !(s[i] == '.' && i + 1 < s.Length && s[i + 1] == '.')) i++;
                    _items.Add(s[start..i]);
                }
            }
        }

        public string? Peek() => _i < _items.Count ? _items[_i] : null;
        public string? Next() => _i < _items.Count ? _items[_i++] : null;
        public bool PeekNamed() => _i + 1 < _items.Count && _items[_i + 1] == ":" && char.IsLetter(_items[_i][0]);

        public object? Value(IDictionary<string, object?> env)
        {
            var tok = Next() ?? throw new NotSupportedException("value");
            if (tok == "(")
            {
                var a = LiquidValues.ToInteger(Value(env));
                if (Next() != "..") throw new NotSupportedException("range");
                var b = LiquidValues.ToInteger(Value(env));
                Next();
                return new LiquidRange(a, b);
            }
            if (tok[0] is '\'' or '"') return tok[1..^1];
            if (tok is "nil" or "null") return null;
            if (tok == "true") return true;
            if (tok == "false") return false;
            if (tok == "empty") return EmptyValue.Instance;
            if (tok == "blank") return BlankValue.Instance;
            if (long.TryParse(tok, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
            if (double.TryParse(tok, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !tok.Contains('e')) return d;
            object? current = env;
            var first = true;
            foreach (var part in tok.Split('.'))
            {
                current = Lookup(current, part, first);
                first = false;
            }
            while (Peek() == "[")
            {
                Next();
                var key = Value(env);
                Next();
                current = current is IList<object?> list && key is long k ? (k < 0 ? k + list.Count : k) is var ix && ix >= 0 && ix < list.Count ? list[(int)ix] : null : current is IDictionary<string, object?> h && key is string ks && h.TryGetValue(ks, out var hv) ? hv : null;
            }
            return current;
        }

        private static object? Lookup(object? current, string part, bool first)
        {
            if (current is IDictionary<string, object?> h && h.TryGetValue(part, out var v)) return v;
            if (!first && part is "size" or "first" or "last")
            {
                return part switch
                {
                    "size" => LiquidValues.Size(current),
                    "first" => current is IList<object?> { Count: > 0 } l ? l[0] : null,
                    _ => current is IList<object?> { Count: > 0 } l2 ? l2[^1] : null,
                };
            }
            return null;
        }
    }
}

public class OutputSpecHarnessTests
{
    [SkippableFact]
    public void OutputSpecs_FilterOnlyTemplates_AllPass()
    {
        var failures = new List<string>();
        var passed = 0;
        var skipped = 0;
        foreach (var spec in OutputSpecHarness.Load())
        {
            string actual;
            try
            {
                actual = OutputSpecHarness.Render(spec.Template, spec.Environment, new FilterTestContext());
            }
            catch (NotSupportedException) { skipped++; continue; }
            catch (LiquidFilterException e) { actual = "ERROR: " + e.Message; }
            if (spec.ExpectsError ? actual.StartsWith("ERROR", StringComparison.Ordinal) : actual == spec.Expected) passed++;
            else failures.Add($"{spec.File} {spec.Name}: {spec.Template}\n   expected [{spec.Expected}]\n   actual   [{actual}]");
        }
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "filter-spec-report.txt"), $"passed {passed}, skipped {skipped}, failed {failures.Count}\n" + string.Join("\n", failures));
        Assert.True(passed > 400, $"only {passed} output specs evaluated");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
