using System.Text.Json;
using BrazeLite.Liquid;
using BrazeLite.Liquid.Braze;
using static BrazeLite.Liquid.Tests.LiquidTestSupport;

namespace BrazeLite.Liquid.Tests;

public sealed class LiquidBrazeDialectTests
{
    private static LiquidRenderContext BrazeUser(string triggerJson = """{"product":"Lamp","items":[1,2,3],"order":{"total":42}}""") =>
        LiquidRenderContext.FromLiquidValues(BrazeVariables.Build(
            Hash("""{"first_name":"Ana","time_zone":"Europe/Lisbon","custom_attributes":{"loyalty tier":"Gold"}}"""),
            Hash(triggerJson),
            Hash("""{"x":"evt"}""")));

    private static IDictionary<string, object?> Hash(string json) =>
        (IDictionary<string, object?>)LiquidValues.FromClr(JsonDocument.Parse(json).RootElement)!;

    private static LiquidRenderResult RenderBraze(string source, LiquidRenderContext? context = null, LiquidRenderOptions? options = null) =>
        ParseOk(source).Render(context ?? BrazeUser(), options);

    [Fact]
    public void AttributeSyntax_StandardAttribute_RendersUserValue()
    {
        Assert.Equal("Hi Ana!", RenderBraze("Hi {{${first_name}}}!").Output);
    }

    [Theory]
    [InlineData("{{${first_name}}}", "Ana")]
    [InlineData("{{ '${' }}", "${")]
    [InlineData("[{{${first_name} | upcase}}]", "[ANA]")]
    public void AttributeSyntax_OutputEnd_FoundAfterTheAttribute(string template, string expected)
    {
        Assert.Equal(expected, RenderBraze(template).Output);
    }

    [Fact]
    public void AttributeSyntax_CustomAttributeWithSpaces_Resolves()
    {
        Assert.Equal("Gold", RenderBraze("{{custom_attribute.${loyalty tier}}}").Output);
    }

    [Fact]
    public void AttributeSyntax_TriggerAndEventProperties_Resolve()
    {
        Assert.Equal("Lamp 42 evt", RenderBraze("{{api_trigger_properties.${product}}} {{ api_trigger_properties.${order}.total }} {{event_properties.${x}}}").Output);
    }

    [Fact]
    public void AttributeSyntax_InsideTags_Works()
    {
        const string t = "{% if ${first_name} %}{% assign n = api_trigger_properties.${items} | size %}{{ n }}{% endif %}";
        Assert.Equal("3", RenderBraze(t).Output);
    }

    [Fact]
    public void FromObject_JsonVariables_BecomeTopLevelVariables()
    {
        var context = LiquidRenderContext.FromObject(JsonDocument.Parse("""{"name":"Ana","n":2,"tags":["a","b"]}""").RootElement);
        Assert.Equal("Ana 2 ab", ParseOk("{{ name }} {{ n }} {{ tags }}").Render(context).Output);
        Assert.Throws<ArgumentException>(() => LiquidRenderContext.FromObject(JsonDocument.Parse("[1]").RootElement));
    }

    [Fact]
    public void MissingVariable_Warning_HasFullPathAsWrittenAndPosition()
    {
        var r = RenderBraze("Hi\n  {{ api_trigger_properties.${product_nme} }}");
        Assert.Equal("Hi\n  ", r.Output);
        var w = Assert.Single(r.Warnings);
        Assert.Equal("`api_trigger_properties.${product_nme}` has no value at line 2, column 6", w.Message);
        Assert.Equal((2, 6), (w.Line, w.Column));
    }

    [Fact]
    public void MissingVariable_AssignedNilForloopOrDefaulted_IsNotWarned()
    {
        const string t = "{% assign v = nil %}{{ v }}{% for i in (1..2) %}{{ forloop.index }}{% endfor %}{{ nope | default: 'x' }}{% if coupon == blank %}{% endif %}{% if nil != code %}{% endif %}";
        var r = RenderBraze(t);
        Assert.Equal("12x", r.Output);
        Assert.Empty(r.Warnings);
    }

    [Theory]
    [InlineData("{% abort_message('no coupon') %}", "no coupon")]
    [InlineData("{% abort_message(\"no coupon\") %}", "no coupon")]
    [InlineData("{% abort_message() %}", null)]
    [InlineData("{% abort_message %}", null)]
    public void AbortMessage_AnyArgumentForm_EndsRenderAsAborted(string tag, string? reason)
    {
        var r = RenderBraze("before " + tag + " after");
        Assert.True(r.Aborted);
        Assert.Equal(reason, r.AbortReason);
        Assert.Equal("before ", r.Output);
        Assert.Empty(r.Errors);
    }

    [Fact]
    public void AbortMessage_InsideCondition_OnlyAbortsWhenReached()
    {
        const string t = "{% if api_trigger_properties.coupon == blank %}{% abort_message('no coupon') %}{% endif %}ok";
        Assert.True(RenderBraze(t).Aborted);
        Assert.False(RenderBraze(t, BrazeUser("""{"coupon":"SAVE"}""")).Aborted);
    }

    [Fact]
    public void UnknownFilter_Strict_ParseErrorWithPositionAndSuggestion()
    {
        var parsed = LiquidTemplate.Parse("line one\nline two\nHello there {{ x | upcas }}", new LiquidParseOptions { StrictFilters = true });
        var e = Assert.Single(parsed.Errors);
        Assert.Equal("unknown filter `upcas` at line 3, column 20; did you mean `upcase`?", e.Message);
        Assert.Equal((3, 20), (e.Line, e.Column));
    }

    [Fact]
    public void UnknownFilter_Lax_PassesInputThrough()
    {
        var template = ParseOk("{{ 'abc' | upcas }}", new LiquidParseOptions { ErrorMode = LiquidErrorMode.Lax });
        Assert.Equal("abc", template.Render().Output);
    }

    [Fact]
    public void Filter_UnsupportedByBraze_WarnsButRenders()
    {
        var r = RenderBraze("{{ '  x' | lstrip }}");
        Assert.Equal("x", r.Output);
        Assert.Contains(r.Warnings, w => w.Message == "filter `lstrip` is not supported by Braze at line 1, column 12");
    }

    [Fact]
    public void ConnectedContent_WithJsonSample_SavesHashAndWarns()
    {
        var context = BrazeUser() with
        {
            ConnectedContent = new SampleConnectedContent(new Dictionary<string, string> { ["https://api.example.com/users/7"] = """{"points":120}""" }),
        };
        var r = RenderBraze("{% connected_content https://api.example.com/users/{{ api_trigger_properties.order.total | minus: 35 }} :save profile %}{{ profile.points }}", context);
        Assert.Equal("120", r.Output);
        Assert.Contains(r.Warnings, w => w.Message.StartsWith("connected_content is not called in a preview; the sample response for https://api.example.com/users/7 is used", StringComparison.Ordinal));
    }

    [Fact]
    public void ConnectedContent_WithoutSample_WarnsAndSavesNothing()
    {
        var r = RenderBraze("{% connected_content https://api.example.com/x :save data %}[{{ data }}]");
        Assert.Equal("[]", r.Output);
        Assert.Contains(r.Warnings, w => w.Message.Contains("no sample response is set for https://api.example.com/x", StringComparison.Ordinal));
    }

    [Fact]
    public void ContentBlocks_NamedBlock_RendersFromPartials()
    {
        var context = new LiquidRenderContext(Vars(("first_name", "Ana")))
        {
            Partials = new DictionaryPartialProvider(new Dictionary<string, string> { ["footer"] = "Bye {{ first_name }}" }),
        };
        Assert.Equal("Body. Bye Ana", RenderBraze("Body. {{content_blocks.${footer}}}", context).Output);
    }

    [Fact]
    public void VariablePaths_SeveralTemplates_ListEveryTriggerPropertyKeyIncludingNested()
    {
        var t1 = ParseOk("{{ api_trigger_properties.${product} }} {{ api_trigger_properties.order.total }} {{ api_trigger_properties.order.id }}");
        var t2 = ParseOk("{% for i in api_trigger_properties.items %}{{ i }}{% endfor %}{{ api_trigger_properties.items.size }}{{ ${first_name} }}");
        var keys = LiquidVariables.Collect([t1, t2], "api_trigger_properties").Select(k => string.Join('.', k)).ToList();
        Assert.Equal(["product", "order.total", "order.id", "items.[]"], keys);

        var sample = LiquidVariables.BuildSample(LiquidVariables.Collect([t1, t2], "api_trigger_properties"));
        Assert.Equal("""{"product":"","order":{"total":"","id":""},"items":[""]}""", JsonSerializer.Serialize(sample));
    }

    [Fact]
    public void VariablePaths_LoopAndAssignAliases_ResolveToTriggerPropertyPaths()
    {
        const string t = "{% for item in api_trigger_properties.items %}{{ item.name }} {% for tag in item.tags %}{{ tag }}{% endfor %}{% endfor %}"
            + "{% assign o = api_trigger_properties.order %}{{ o.total }} {{ api_trigger_properties.lines[0].sku }} {{ api_trigger_properties.first_item.first.id }}"
            + "{% capture o %}x{% endcapture %}{{ o.ignored }}";
        var paths = LiquidVariables.Collect([ParseOk(t)], "api_trigger_properties");
        Assert.Equal(["items.[].name", "items.[].tags.[]", "order.total", "lines.[].sku", "first_item.[].id"], paths.Select(p => string.Join('.', p)));
        Assert.Equal(
            """{"items":[{"name":"","tags":[""]}],"order":{"total":""},"lines":[{"sku":""}],"first_item":[{"id":""}]}""",
            JsonSerializer.Serialize(LiquidVariables.BuildSample(paths)));
    }

    [Fact]
    public void VariablePaths_BrazeAttribute_KeepsSourceSpellingAndPosition()
    {
        var path = Assert.Single(ParseOk("\n {{ api_trigger_properties.${product_nme} }}").VariablePaths);
        Assert.Equal("api_trigger_properties.${product_nme}", path.Path);
        Assert.Equal(["api_trigger_properties", "product_nme"], path.Segments);
        Assert.Equal((2, 5), (path.Line, path.Column));
    }
}
