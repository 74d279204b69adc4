using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Core.Templates;

public class TemplateRendererTests
{
    private readonly TemplateRenderer _engine = new(TimeProvider.System, NullLogger<TemplateRenderer>.Instance);

    private RenderedTemplate Render(string template, string payload = "{}", string user = "{}") =>
        _engine.Render(template, new RenderData(SamplePayloads.Parse(payload).Hash, SamplePayloads.Parse(user).Hash), LiquidErrorMode.Strict, default);

    [Fact]
    public void Render_ListAccessorsOnPresentList_AreNotMissing()
    {
        var result = Render("{{api_trigger_properties.items.first.name}} {{api_trigger_properties.items.size}}",
            """{"items": [{"name": "a"}, {"name": "b"}]}""");

        Assert.Equal("a 2", result.Output);
        Assert.Empty(result.MissingVariables);
        Assert.Equal(RenderStatus.Ok, result.Status);
    }

    [Fact]
    public void Render_MissingUserAndCustomAttributes_AreListedWithTheirPaths()
    {
        var result = Render("{{${city}}} {{custom_attribute.${loyalty tier}}} {{${first_name}}}", user: """{"first_name": "Ana"}""");

        Assert.Equal(["${city}", "custom_attribute.${loyalty tier}"], result.MissingVariables);
        Assert.Equal(RenderStatus.MissingVariables, result.Status);
    }

    [Fact]
    public void Render_VariableWithADefault_IsNotMissing_ButTheSameVariableWithoutOneIs()
    {
        var defaulted = Render("Hi {{${first_name} | default: 'there'}}");
        var both = Render("Hi {{${first_name} | default: 'there'}}, {{${first_name}}}");

        Assert.Equal("Hi there", defaulted.Output);
        Assert.Empty(defaulted.MissingVariables);
        Assert.Equal(RenderStatus.Ok, defaulted.Status);
        Assert.Empty(defaulted.Warnings);
        Assert.Equal(["${first_name}"], both.MissingVariables);
    }

    [Fact]
    public void Render_LoopAndAssignedVariables_AreNotSampleGaps()
    {
        var result = Render("{% assign n = 1 %}{% for item in api_trigger_properties.items %}{{ item.name }}{% endfor %}{{ n }}",
            """{"items": [{"name": "a"}]}""");

        Assert.Empty(result.MissingVariables);
    }

    [Fact]
    public void Render_LoopVariableKeyNoElementHas_IsASampleGap()
    {
        var result = Render("{% for item in api_trigger_properties.items %}{{ item.missing }}{% endfor %}",
            """{"items": [{"name": "a"}]}""");

        Assert.Equal(["item.missing"], result.MissingVariables);
    }

    [Fact]
    public void Render_SyntaxError_ComesBackAsErrorNotException()
    {
        var result = Render("Hi\n{% if %}{% endif %}");

        Assert.Equal(RenderStatus.Error, result.Status);
        Assert.Equal(2, Assert.Single(result.Errors).Line);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void Render_RenderError_KeepsTheRestOfTheOutput()
    {
        var result = Render("before {{ 1 | divided_by: 0 }} after");

        Assert.Single(result.Errors);
        Assert.StartsWith("before ", result.Output);
        Assert.EndsWith(" after", result.Output);
    }

    [Fact]
    public void Render_PartialFromData_IsIncluded()
    {
        var data = new RenderData(Partials: new Dictionary<string, string> { ["footer"] = "-- {{ 'shop' | upcase }}" });

        var result = _engine.Render("Hi {% render 'footer' %}", data, LiquidErrorMode.Strict, default);

        Assert.Equal("Hi -- SHOP", result.Output);
    }

    [Fact]
    public void ParseErrors_SameSourceAsRender_UsesTheCachedParse()
    {
        Render("Hello {{ x }}");
        var parsed = _engine.Parse("Hello {{ x }}", LiquidErrorMode.Strict);

        Assert.Empty(_engine.ParseErrors("Hello {{ x }}", LiquidErrorMode.Strict));
        Assert.Same(parsed, _engine.Parse("Hello {{ x }}", LiquidErrorMode.Strict));
    }

    [Fact]
    public void Render_EndlessIncludeRecursion_IsAnErrorNotACrash()
    {
        var data = new RenderData(Partials: new Dictionary<string, string> { ["loop"] = "x{% include 'loop' %}" });

        var result = _engine.Render("{% include 'loop' %}", data, LiquidErrorMode.Strict, default);

        Assert.NotEmpty(result.Errors);
    }
}
