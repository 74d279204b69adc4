using System.Text;
using BrazeLite.Liquid;

namespace BrazeLite.Liquid.Tests;

/// <summary>Random mixes of Liquid fragments: parsing and rendering report diagnostics, never throw.</summary>
public sealed class LiquidRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "{{", "}}", "{%", "%}", "{%-", "-%}", "{{-", "-}}", " if ", " elsif ", " else ", " endif ", " for ", " in ", " endfor ",
        " case ", " when ", " endcase ", " unless ", " endunless ", " assign ", " capture ", " endcapture ", " raw ", " endraw ",
        " comment ", " endcomment ", " liquid ", "\n", " cycle ", " tablerow ", " endtablerow ", " include ", " render ",
        " break ", " continue ", " increment ", " decrement ", " echo ", " # ", "abort_message(", ")", " connected_content ",
        "x", "y.z", "a[0]", "[", "]", "(1..3)", "(", "..", "'s'", "\"q\"", "'", "\"", "1", "-2", "3.5", "|", " | upcase",
        " | plus: 1", " | split: ','", " | default: 'd'", " | nope", ":", ",", " and ", " or ", " == ", " != ", " < ",
        " contains ", " nil ", " empty ", " blank ", " true ", "${first_name}", "${", "}", "custom_attribute.${tier x}",
        " limit: 2", " offset: continue", " reversed", " with ", " as ", " cols: 2", "=", "text ", "  ",
    ];

    public static TheoryData<int> Seeds()
    {
        var d = new TheoryData<int>();
        for (var i = 0; i < 20; i++) d.Add(i);
        return d;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomTemplates_ParseAndRender_NeverThrow(int seed)
    {
        var random = new Random(seed);
        var partials = new DictionaryPartialProvider(new Dictionary<string, string> { ["s"] = "{{ x }}{% include 's' %}", ["'s'"] = "p" });
        var context = new LiquidRenderContext(new Dictionary<string, object?>
        {
            ["x"] = new List<object?> { 1L, "two", null },
            ["y"] = new Dictionary<string, object?> { ["z"] = 3.5 },
            ["first_name"] = "Ana",
        }) { Partials = partials };
        for (var n = 0; n < 200; n++)
        {
            var sb = new StringBuilder();
            var count = random.Next(1, 40);
            for (var i = 0; i < count; i++) sb.Append(Fragments[random.Next(Fragments.Length)]);
            var source = sb.ToString();
            foreach (var mode in new[] { LiquidErrorMode.Strict, LiquidErrorMode.Lax })
            {
                var parsed = Record.Exception(() => LiquidTemplate.Parse(source, new LiquidParseOptions { ErrorMode = mode }));
                Assert.True(parsed is null, $"parse threw on {source}: {parsed}");
                var result = LiquidTemplate.Parse(source, new LiquidParseOptions { ErrorMode = mode });
                Assert.True(result.Success || result.Errors.Count > 0, source);
                if (result.Template is null) continue;
                foreach (var inline in new[] { false, true })
                {
                    var rendered = Record.Exception(() => result.Template.Render(context, new LiquidRenderOptions { InlineErrors = inline, MaxSteps = 5_000 }));
                    Assert.True(rendered is null, $"render threw on {source}: {rendered}");
                }
            }
        }
    }
}
