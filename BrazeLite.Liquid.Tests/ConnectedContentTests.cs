using BrazeLite.Liquid;
using BrazeLite.Liquid.Braze;
using static BrazeLite.Liquid.Tests.LiquidTestSupport;

namespace BrazeLite.Liquid.Tests;

public sealed class ConnectedContentTests
{
    /// <summary>Answers every call after a real wait, as an HTTP resolver does, and keeps the requests it saw.</summary>
    private sealed class WaitingResolver(Func<ConnectedContentRequest, ConnectedContentResponse> answer) : IConnectedContentResolver
    {
        public List<ConnectedContentRequest> Requests { get; } = [];

        public async ValueTask<ConnectedContentResponse> ResolveAsync(ConnectedContentRequest request, CancellationToken cancellationToken)
        {
            lock (Requests) Requests.Add(request);
            await Task.Delay(5, cancellationToken);
            return answer(request);
        }
    }

    // The resolvers answer in milliseconds, but a busy machine can starve their continuations: these tests are about
    // awaiting, so they leave the deadline out of it (the deadline has its own test below).
    private static readonly LiquidRenderOptions Unhurried = LiquidRenderOptions.Default with { Timeout = TimeSpan.FromSeconds(60) };

    private static LiquidRenderContext With(IConnectedContentResolver resolver, params (string Key, object? Value)[] variables) =>
        new(Vars(variables)) { ConnectedContent = resolver };

    [Fact]
    public async Task RenderAsync_CallThatWaits_IsAwaitedAndItsJsonSaved()
    {
        var resolver = new WaitingResolver(r => new ConnectedContentResponse($$"""{"points":{{r.Url.Length}},"tier":"gold"}"""));
        var template = ParseOk("{% connected_content https://api.example.com/users/{{ id }} :save profile %}{{ profile.tier }} {{ profile.__http_status_code__ }}");

        var result = await template.RenderAsync(With(resolver, ("id", 7)), Unhurried);

        Assert.Empty(result.Errors);
        Assert.Equal("gold 200", result.Output);
        Assert.Equal("https://api.example.com/users/7", Assert.Single(resolver.Requests).Url);
    }

    [Fact]
    public void Render_CallThatWaits_FailsWithItsReasonInsteadOfBlocking()
    {
        var resolver = new WaitingResolver(_ => new ConnectedContentResponse("x"));
        var result = ParseOk("a{% connected_content https://api.example.com/x %}b").Render(With(resolver));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Liquid error: connected_content https://api.example.com/x needs a network call: render this template with RenderAsync", error.Message);
        Assert.Equal("a", result.Output);
    }

    [Fact]
    public async Task RenderAsync_CallsInsideLoopsBranchesAndCaptures_EachAwaitedInOrder()
    {
        var resolver = new WaitingResolver(r => new ConnectedContentResponse($"[{r.Url[^1]}]"));
        const string source = "{% for i in (1..3) %}{% if i != 2 %}{% connected_content https://x.test/{{ i }} %}{% endif %}{% endfor %}"
            + "{% capture c %}{% connected_content https://x.test/9 %}{% endcapture %}({{ c }})"
            + "{% case 1 %}{% when 1 %}{% connected_content https://x.test/5 %}{% endcase %}";

        var result = await ParseOk(source).RenderAsync(With(resolver), Unhurried);

        Assert.Equal("[1][3]([9])[5]", result.Output);
        Assert.Equal(["https://x.test/1", "https://x.test/3", "https://x.test/9", "https://x.test/5"], resolver.Requests.Select(r => r.Url));
    }

    [Fact]
    public async Task RenderAsync_CallInsideAPartial_IsAwaited()
    {
        var resolver = new WaitingResolver(_ => new ConnectedContentResponse("stock: 3"));
        var context = With(resolver) with
        {
            Partials = new DictionaryPartialProvider(new Dictionary<string, string> { ["stock"] = "{% connected_content https://x.test/stock %}" }),
        };

        var result = await ParseOk("{% render 'stock' %} / {% include 'stock' %}").RenderAsync(context, Unhurried);

        Assert.Empty(result.Errors);
        Assert.Equal("stock: 3 / stock: 3", result.Output);
    }

    [Fact]
    public async Task Options_EveryOption_ReachesTheResolverRendered()
    {
        var resolver = new WaitingResolver(_ => new ConnectedContentResponse("{}"));
        const string source = """{% connected_content https://api.example.com/orders :method post :headers {"X-Key": "{{ key }}", "Accept": "application/json"} :body id={{ id }}&n=2 :content_type application/json :basic_auth shop_credential :retry :cache_max_age 900 :save order %}""";

        await ParseOk(source).RenderAsync(With(resolver, ("key", "k-1"), ("id", 42)), Unhurried);

        var request = Assert.Single(resolver.Requests);
        Assert.Equal("https://api.example.com/orders", request.Url);
        Assert.Equal("POST", request.Method);
        Assert.Equal("k-1", request.Headers["X-Key"]);
        Assert.Equal("application/json", request.Headers["accept"]);
        Assert.Equal("id=42&n=2", request.Body);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("shop_credential", request.BasicAuth);
        Assert.True(request.Retry);
        Assert.Equal(TimeSpan.FromSeconds(900), request.CacheMaxAge);
        Assert.Equal("order", request.SaveAs);
    }

    [Fact]
    public void Options_WithoutAny_AreAGetWithoutBody()
    {
        var resolver = new SampleConnectedContent(new Dictionary<string, string> { ["https://x.test/a"] = "A" });
        var result = ParseOk("{% connected_content https://x.test/a %}").Render(With(resolver));
        Assert.Equal("A", result.Output);
    }

    [Theory]
    [InlineData("{% connected_content https://x.test :method patch %}", "connected_content :method must be get, post, put or delete, not 'patch'")]
    [InlineData("{% connected_content https://x.test :timeout 5 %}", "Unknown connected_content option ':timeout'")]
    [InlineData("{% connected_content https://x.test :cache_max_age soon %}", "connected_content :cache_max_age takes a number of seconds, not 'soon'")]
    [InlineData("{% connected_content :save x %}", "Syntax Error in 'connected_content' - Valid syntax: connected_content URL")]
    public void Options_Malformed_AreSyntaxErrorsNamingTheOption(string source, string message)
    {
        var parsed = LiquidTemplate.Parse(source);
        Assert.False(parsed.Success);
        Assert.Contains(message, Assert.Single(parsed.Errors).Message);
    }

    [Fact]
    public async Task FailedCall_WithoutSave_RendersNothing_WithSave_KeepsTheStatus()
    {
        var resolver = new WaitingResolver(r => new ConnectedContentResponse(r.SaveAs is null ? "Not found" : """{"error":"missing"}""", 404));
        var result = await ParseOk("[{% connected_content https://x.test/a %}]{% connected_content https://x.test/b :save r %}{{ r.error }} {{ r.__http_status_code__ }}")
            .RenderAsync(With(resolver), Unhurried);
        Assert.Equal("[]missing 404", result.Output);
    }

    [Fact]
    public async Task Headers_NotAJsonObject_IsARenderErrorNamingTheText()
    {
        var resolver = new WaitingResolver(_ => new ConnectedContentResponse("x"));
        var result = await ParseOk("{% connected_content https://x.test :headers [1] %}").RenderAsync(With(resolver), Unhurried);
        Assert.Contains("connected_content :headers must be a JSON object of header names to values, not [1]", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task RenderAsync_DeadlinePassesDuringACall_StopsWithTheTimeoutError()
    {
        var resolver = new WaitingResolver(_ => new ConnectedContentResponse("late"));
        var slow = new SlowResolver();
        var result = await ParseOk("{% connected_content https://x.test/slow %}").RenderAsync(With(slow), LiquidRenderOptions.Default with { Timeout = TimeSpan.FromMilliseconds(50) });
        Assert.Contains("render deadline exceeded", Assert.Single(result.Errors).Message);
        Assert.Empty(resolver.Requests);
    }

    private sealed class SlowResolver : IConnectedContentResolver
    {
        public async ValueTask<ConnectedContentResponse> ResolveAsync(ConnectedContentRequest request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return new ConnectedContentResponse("never");
        }
    }

    [Fact]
    public async Task RenderAsync_TemplateWithoutCalls_GivesTheSynchronousResult()
    {
        var template = ParseOk("{% for i in (1..3) %}{{ i | times: 2 }}{% endfor %}");
        Assert.Equal(template.Render().Output, (await template.RenderAsync()).Output);
    }
}
