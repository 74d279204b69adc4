using static BrazeLite.Liquid.Tests.Ruby.RubyLiquid;

namespace BrazeLite.Liquid.Tests.Ruby;

/// <summary><c>self</c>, Liquid 5.x's drop of the current scope (self_drop.rb, context.rb#find_variable, self_drop_context_test.rb).</summary>
public class SelfTests
{
    [Theory]
    [InlineData("{{ self.x }}|{{ self['x'] }}|{{ self.h.k }}|{{ self[\"h\"][\"k\"] }}|{{ self.missing }}", "42|42|v|v|")]
    [InlineData("{% assign k = \"x\" %}{{ self[k] }}", "42")]
    [InlineData("{%- assign s = self -%}{%- assign y = 7 %}{{ s.y -}}", "7")]
    [InlineData("{% assign s = self %}{% if s == s %}T{% else %}F{% endif %}", "T")]
    [InlineData("{% assign a = self %}{% assign b = self %}{% if a == b %}T{% else %}F{% endif %}", "T")]
    [InlineData("{% if self == self %}T{% else %}F{% endif %}", "T")]
    [InlineData("{% for i in arr %}{{ self.i }}{{ self.forloop.index }}{% endfor %}", "1122")]
    [InlineData("{% capture c %}{{ self.x }}{% endcapture %}{{ c }}|{% assign s = self %}{{ s.s.x }}", "42|42")]
    public void Self_LooksUpTheCurrentScope(string source, string expected) =>
        Assert.Equal(expected, Render(source, """{"x":42,"h":{"k":"v"},"arr":[1,2]}"""));

    [Theory]
    [InlineData("{{ self }}", "Liquid::SelfDrop")]
    [InlineData("{{ self | upcase }}", "LIQUID::SELFDROP")]
    [InlineData("{{ self | size }}|{{ self.size }}", "0|")]
    [InlineData("{% if self %}t{% endif %}{% if self == nil %}n{% endif %}", "t")]
    [InlineData("{{ self | default: 'd' }}", "Liquid::SelfDrop")]
    public void Self_AsAValue_IsADrop(string source, string expected) => Assert.Equal(expected, Render(source));

    [Fact]
    public void Self_AVariableNamedSelf_Wins() => Assert.Equal("mine|", Render("{{ self }}|{{ self.x }}", """{"self":"mine","x":1}"""));

    [Fact]
    public void Self_PassedToRender_KeepsTheCallersScope()
    {
        var partials = Partials(("snippet1", "{%- assign var = 43 -%}{{- other_self.var }}|{{ self.var -}}"));

        Assert.Equal("42|43", Render("{%- assign var = 42 -%}{%- assign s = self -%}{%- render \"snippet1\", other_self: s -%}", partials: partials));
    }

    [Fact]
    public void Self_InRender_IsThePartialsOwnScope()
    {
        var partials = Partials(("snippet1", "{%- assign var = 99 -%}{{- self.var -}}"));

        Assert.Equal("99", Render("{%- assign var = 42 -%}{%- render \"snippet1\" -%}", partials: partials));
    }

    [Fact]
    public void Self_PassedThroughNestedRenders_KeepsEachLevel()
    {
        var partials = Partials(
            ("snippet1", "{%- assign a = 2 -%}{%- assign s2 = self -%}{%- render 'snippet2', outer: outer, middle: s2 -%}"),
            ("snippet2", "{%- assign a = 3 -%}{{- outer.a }}|{{ middle.a }}|{{ self.a -}}"));

        Assert.Equal("1|2|3", Render("{%- assign a = 1 -%}{%- assign s1 = self -%}{%- render \"snippet1\", outer: s1 -%}", partials: partials));
    }

    [Fact]
    public void Self_InInclude_SeesTheCallersScope()
    {
        var partials = Partials(("p", "{{ self.x }}-{{ x }}"));

        Assert.Equal("5-5|7-7|-", Render("{% assign x = 5 %}{% include 'p' %}|{% render 'p', x: 7 %}|{% render 'p' with self as q %}", partials: partials));
    }
}
