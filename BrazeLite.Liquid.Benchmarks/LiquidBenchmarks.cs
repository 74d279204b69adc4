using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BrazeLite.Liquid;
using DotLiquidTemplate = DotLiquid.Template;
using Hash = DotLiquid.Hash;

namespace BrazeLite.Liquid.Benchmarks;

/// <summary>
/// The project's Liquid engine against DotLiquid on the same templates and data. Within each category
/// DotLiquid is the baseline, so Ratio and Alloc Ratio read "our cost as a share of DotLiquid's".
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MedianColumn]
public class LiquidBenchmarks
{
    private LiquidTemplate ourProducts = null!;
    private LiquidTemplate ourProductsNoMath = null!;
    private LiquidTemplate ourEmail = null!;
    private LiquidRenderContext ourProductData = null!;
    private LiquidRenderContext ourEmailData = null!;
    private DotLiquidTemplate dotProducts = null!;
    private DotLiquidTemplate dotProductsNoMath = null!;
    private DotLiquidTemplate dotEmail = null!;
    private Hash dotProductData = null!;
    private Hash dotEmailData = null!;

    [GlobalSetup]
    public void Setup()
    {
        var products = Scenarios.Products();
        ourProductData = new LiquidRenderContext(new Dictionary<string, object?> { ["products"] = products });
        dotProductData = DotLiquidData.ToHash(new Dictionary<string, object?> { ["products"] = products });
        var trigger = Scenarios.EmailTriggerProperties();
        ourEmailData = LiquidRenderContext.FromLiquidValues(BrazeLite.Liquid.Braze.BrazeVariables.Build(null, (IDictionary<string, object?>)LiquidValues.FromClr(trigger)!));
        dotEmailData = DotLiquidData.ToHash(new Dictionary<string, object?> { ["api_trigger_properties"] = trigger });

        ourProducts = OurParse(Scenarios.ProductListTemplate);
        ourProductsNoMath = OurParse(Scenarios.ProductListNoMathTemplate);
        ourEmail = OurParse(Scenarios.EmailTemplate);
        dotProducts = DotLiquidTemplate.Parse(Scenarios.ProductListTemplate);
        dotProductsNoMath = DotLiquidTemplate.Parse(Scenarios.ProductListNoMathTemplate);
        dotEmail = DotLiquidTemplate.Parse(Scenarios.EmailTemplate);

        OutputCheck.SameOutput("product list", ProductsRenderOurs(), ProductsRenderDotLiquid(), "TRAIL RUNNER MODEL 100");
        OutputCheck.SameOutput("product list without arithmetic", ProductsNoMathRenderOurs(), ProductsNoMathRenderDotLiquid(), "TRAIL RUNNER MODEL 100");
        OutputCheck.SameOutput("email", EmailRenderOurs(), EmailRenderDotLiquid(), "Merino socks (3 pack)");
    }

    private static LiquidTemplate OurParse(string source)
    {
        var parsed = LiquidTemplate.Parse(source);
        return parsed.Template ?? throw new InvalidOperationException("the benchmark template does not parse: " + string.Join("; ", parsed.Errors));
    }

    private static string OurRender(LiquidTemplate template, LiquidRenderContext context)
    {
        var result = template.Render(context);
        return result.Success ? result.Output : throw new InvalidOperationException("the benchmark render failed: " + string.Join("; ", result.Errors));
    }

    [BenchmarkCategory("Products: parse"), Benchmark(Baseline = true)]
    public DotLiquidTemplate ProductsParseDotLiquid() => DotLiquidTemplate.Parse(Scenarios.ProductListTemplate);

    [BenchmarkCategory("Products: parse"), Benchmark]
    public LiquidTemplate ProductsParseOurs() => OurParse(Scenarios.ProductListTemplate);

    [BenchmarkCategory("Products: render"), Benchmark(Baseline = true)]
    public string ProductsRenderDotLiquid() => dotProducts.Render(dotProductData, CultureInfo.InvariantCulture);

    [BenchmarkCategory("Products: render"), Benchmark]
    public string ProductsRenderOurs() => OurRender(ourProducts, ourProductData);

    [BenchmarkCategory("Products, no times: render"), Benchmark(Baseline = true)]
    public string ProductsNoMathRenderDotLiquid() => dotProductsNoMath.Render(dotProductData, CultureInfo.InvariantCulture);

    [BenchmarkCategory("Products, no times: render"), Benchmark]
    public string ProductsNoMathRenderOurs() => OurRender(ourProductsNoMath, ourProductData);

    [BenchmarkCategory("Email: parse"), Benchmark(Baseline = true)]
    public DotLiquidTemplate EmailParseDotLiquid() => DotLiquidTemplate.Parse(Scenarios.EmailTemplate);

    [BenchmarkCategory("Email: parse"), Benchmark]
    public LiquidTemplate EmailParseOurs() => OurParse(Scenarios.EmailTemplate);

    [BenchmarkCategory("Email: render"), Benchmark(Baseline = true)]
    public string EmailRenderDotLiquid() => dotEmail.Render(dotEmailData, CultureInfo.InvariantCulture);

    [BenchmarkCategory("Email: render"), Benchmark]
    public string EmailRenderOurs() => OurRender(ourEmail, ourEmailData);

    [BenchmarkCategory("Email: parse + render"), Benchmark(Baseline = true)]
    public string EmailParseAndRenderDotLiquid() => DotLiquidTemplate.Parse(Scenarios.EmailTemplate).Render(dotEmailData, CultureInfo.InvariantCulture);

    [BenchmarkCategory("Email: parse + render"), Benchmark]
    public string EmailParseAndRenderOurs() => OurRender(OurParse(Scenarios.EmailTemplate), ourEmailData);
}
