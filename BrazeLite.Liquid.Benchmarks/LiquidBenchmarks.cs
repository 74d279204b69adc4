using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BrazeLite.Liquid;
using Fluid;
using DotLiquidTemplate = DotLiquid.Template;
using Hash = DotLiquid.Hash;

namespace BrazeLite.Liquid.Benchmarks;

/// <summary>
/// The project's Liquid engine against Fluid.Core and DotLiquid on the same templates and data. Within each
/// category the project's engine is the baseline, so Ratio and Alloc Ratio read "that engine's cost as a multiple
/// of ours": above 1 is slower or heavier than ours.
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
    private IFluidTemplate fluidProducts = null!;
    private IFluidTemplate fluidProductsNoMath = null!;
    private IFluidTemplate fluidEmail = null!;
    private TemplateOptions fluidOptions = null!;
    private Dictionary<string, object?> productValues = null!;
    private Dictionary<string, object?> emailValues = null!;

    [GlobalSetup]
    public void Setup()
    {
        var products = Scenarios.Products();
        productValues = new Dictionary<string, object?> { ["products"] = products };
        ourProductData = new LiquidRenderContext(new Dictionary<string, object?> { ["products"] = products });
        dotProductData = DotLiquidData.ToHash(new Dictionary<string, object?> { ["products"] = products });
        var trigger = Scenarios.EmailTriggerProperties();
        ourEmailData = LiquidRenderContext.FromLiquidValues(BrazeLite.Liquid.Braze.BrazeVariables.Build(null, (IDictionary<string, object?>)LiquidValues.FromClr(trigger)!));
        dotEmailData = DotLiquidData.ToHash(new Dictionary<string, object?> { ["api_trigger_properties"] = trigger });
        emailValues = new Dictionary<string, object?> { ["api_trigger_properties"] = trigger };
        fluidOptions = FluidEngine.Options();

        ourProducts = OurParse(Scenarios.ProductListTemplate);
        ourProductsNoMath = OurParse(Scenarios.ProductListNoMathTemplate);
        ourEmail = OurParse(Scenarios.EmailTemplate);
        dotProducts = DotLiquidTemplate.Parse(Scenarios.ProductListTemplate);
        dotProductsNoMath = DotLiquidTemplate.Parse(Scenarios.ProductListNoMathTemplate);
        dotEmail = DotLiquidTemplate.Parse(Scenarios.EmailTemplate);
        fluidProducts = FluidEngine.Parse(Scenarios.ProductListTemplate);
        fluidProductsNoMath = FluidEngine.Parse(Scenarios.ProductListNoMathTemplate);
        fluidEmail = FluidEngine.Parse(Scenarios.EmailTemplate);

        OutputCheck.SameOutput("product list", ProductsRenderOurs(), "TRAIL RUNNER MODEL 100",
            ("DotLiquid", ProductsRenderDotLiquid()), ("Fluid", ProductsRenderFluid()));
        OutputCheck.SameOutput("product list without arithmetic", ProductsNoMathRenderOurs(), "TRAIL RUNNER MODEL 100",
            ("DotLiquid", ProductsNoMathRenderDotLiquid()), ("Fluid", ProductsNoMathRenderFluid()));
        OutputCheck.SameOutput("email", EmailRenderOurs(), "Merino socks (3 pack)",
            ("DotLiquid", EmailRenderDotLiquid()), ("Fluid", EmailRenderFluid()), ("our asynchronous path", EmailRenderOursAsync().GetAwaiter().GetResult()));
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

    [BenchmarkCategory("Products: parse"), Benchmark]
    public DotLiquidTemplate ProductsParseDotLiquid() => DotLiquidTemplate.Parse(Scenarios.ProductListTemplate);

    [BenchmarkCategory("Products: parse"), Benchmark(Baseline = true)]
    public LiquidTemplate ProductsParseOurs() => OurParse(Scenarios.ProductListTemplate);

    [BenchmarkCategory("Products: parse"), Benchmark]
    public IFluidTemplate ProductsParseFluid() => FluidEngine.Parse(Scenarios.ProductListTemplate);

    [BenchmarkCategory("Products: render"), Benchmark]
    public string ProductsRenderDotLiquid() => dotProducts.Render(dotProductData, CultureInfo.InvariantCulture);

    [BenchmarkCategory("Products: render"), Benchmark(Baseline = true)]
    public string ProductsRenderOurs() => OurRender(ourProducts, ourProductData);

    [BenchmarkCategory("Products: render"), Benchmark]
    public string ProductsRenderFluid() => fluidProducts.Render(FluidEngine.Context(productValues, fluidOptions));

    [BenchmarkCategory("Products, no times: render"), Benchmark]
    public string ProductsNoMathRenderDotLiquid() => dotProductsNoMath.Render(dotProductData, CultureInfo.InvariantCulture);

    [BenchmarkCategory("Products, no times: render"), Benchmark(Baseline = true)]
    public string ProductsNoMathRenderOurs() => OurRender(ourProductsNoMath, ourProductData);

    [BenchmarkCategory("Products, no times: render"), Benchmark]
    public string ProductsNoMathRenderFluid() => fluidProductsNoMath.Render(FluidEngine.Context(productValues, fluidOptions));

    [BenchmarkCategory("Email: parse"), Benchmark]
    public DotLiquidTemplate EmailParseDotLiquid() => DotLiquidTemplate.Parse(Scenarios.EmailTemplate);

    [BenchmarkCategory("Email: parse"), Benchmark(Baseline = true)]
    public LiquidTemplate EmailParseOurs() => OurParse(Scenarios.EmailTemplate);

    [BenchmarkCategory("Email: parse"), Benchmark]
    public IFluidTemplate EmailParseFluid() => FluidEngine.Parse(Scenarios.EmailTemplate);

    [BenchmarkCategory("Email: render"), Benchmark]
    public string EmailRenderDotLiquid() => dotEmail.Render(dotEmailData, CultureInfo.InvariantCulture);

    [BenchmarkCategory("Email: render"), Benchmark(Baseline = true)]
    public string EmailRenderOurs() => OurRender(ourEmail, ourEmailData);

    [BenchmarkCategory("Email: render"), Benchmark]
    public string EmailRenderFluid() => fluidEmail.Render(FluidEngine.Context(emailValues, fluidOptions));

    /// <summary>The asynchronous path on a template without connected_content: nothing awaits, so it should cost what the synchronous one does.</summary>
    [BenchmarkCategory("Email: render"), Benchmark]
    public async Task<string> EmailRenderOursAsync()
    {
        var result = await ourEmail.RenderAsync(ourEmailData);
        return result.Success ? result.Output : throw new InvalidOperationException("the benchmark render failed: " + string.Join("; ", result.Errors));
    }

    [BenchmarkCategory("Products: render"), Benchmark]
    public async Task<string> ProductsRenderOursAsync()
    {
        var result = await ourProducts.RenderAsync(ourProductData);
        return result.Success ? result.Output : throw new InvalidOperationException("the benchmark render failed: " + string.Join("; ", result.Errors));
    }

    [BenchmarkCategory("Email: parse + render"), Benchmark]
    public string EmailParseAndRenderDotLiquid() => DotLiquidTemplate.Parse(Scenarios.EmailTemplate).Render(dotEmailData, CultureInfo.InvariantCulture);

    [BenchmarkCategory("Email: parse + render"), Benchmark(Baseline = true)]
    public string EmailParseAndRenderOurs() => OurRender(OurParse(Scenarios.EmailTemplate), ourEmailData);

    [BenchmarkCategory("Email: parse + render"), Benchmark]
    public string EmailParseAndRenderFluid() => FluidEngine.Parse(Scenarios.EmailTemplate).Render(FluidEngine.Context(emailValues, fluidOptions));
}
