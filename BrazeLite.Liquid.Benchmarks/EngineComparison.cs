using System.Diagnostics;
using System.Globalization;
using System.Text;
using BrazeLite.Liquid.Specs;
using Fluid;

namespace BrazeLite.Liquid.Benchmarks;

/// <summary>
/// What the timings do not show: how many of Shopify's spec cases each engine gets right under one rule, whether
/// it reads Braze's dialect, and what it does with a template that would run away. <c>--compare</c> prints it.
/// </summary>
public static class EngineComparison
{
    /// <summary>Nesting depth of the deep template: 15,000 nested parentheses in one condition, about 30 KB.</summary>
    private const int DeepNesting = 15_000;

    public static int Run(string? specDirectory)
    {
        var report = new StringBuilder();
        if (specDirectory is null)
        {
            Console.Error.WriteLine("no shared/liquid-spec/basics found above the working directory; pass --specs DIR");
            return 2;
        }
        Conformance(specDirectory, report);
        Dialect(report);
        Limits(report);
        Console.Write(report.ToString());
        return 0;
    }

    /// <summary>
    /// The rule applied to both engines: a case expecting an error passes when the engine reports one (at parse or
    /// render time, or inline in the output), whatever its wording; any other case passes when the output is the
    /// expected text. Cases needing Ruby objects are left out, as in the test suite.
    /// </summary>
    private static void Conformance(string directory, StringBuilder report)
    {
        var specs = LiquidSpecFiles.Load(directory).Where(s => !LiquidSpecFiles.IsExcluded(s) && s.LoadProblem is null).ToList();
        int ours = 0, fluid = 0;
        foreach (var spec in specs)
        {
            if (Passes(spec, RunOurs(spec))) ours++;
            if (Passes(spec, RunFluid(spec))) fluid++;
        }
        report.AppendLine(CultureInfo.InvariantCulture, $"## Conformance: {specs.Count} liquid-spec cases ({Path.GetFileName(Path.GetDirectoryName(directory))}/basics, Ruby-object cases left out)");
        report.AppendLine("| Engine | Cases passed | Share |");
        report.AppendLine("|---|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| BrazeLite.Liquid | {ours} | {100.0 * ours / specs.Count:0.0}% |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Fluid.Core 2.41.1 | {fluid} | {100.0 * fluid / specs.Count:0.0}% |");
        report.AppendLine();
    }

    private sealed record Outcome(bool Error, string Output);

    private static bool Passes(LiquidSpec spec, Outcome outcome)
    {
        var expectsError = spec.ParseErrors.Count > 0 || spec.RenderErrors.Count > 0 || spec.OutputErrors.Count > 0;
        if (expectsError) return outcome.Error || outcome.Output.Contains("Liquid error", StringComparison.OrdinalIgnoreCase);
        return !outcome.Error && (spec.Expected is null || outcome.Output == spec.Expected);
    }

    private static Outcome RunOurs(LiquidSpec spec)
    {
        var parseOptions = new LiquidParseOptions { ErrorMode = spec.Lax ? LiquidErrorMode.Lax : LiquidErrorMode.Strict, StrictFilters = false };
        var parsed = LiquidTemplate.Parse(spec.Template, parseOptions);
        if (parsed.Template is null) return new Outcome(true, "");
        var result = parsed.Template.Render(
            new LiquidRenderContext(spec.Environment) { Partials = new DictionaryPartialProvider(spec.Filesystem), Now = LiquidSpecFiles.FrozenNow },
            new LiquidRenderOptions
            {
                InlineErrors = spec.RenderErrorsInline,
                PartialParseOptions = parseOptions,
                MaxSteps = spec.StepLimit ?? LiquidRenderOptions.Default.MaxSteps,
                Timeout = TimeSpan.FromSeconds(10),
            });
        return new Outcome(result.Errors.Count > 0 && !spec.RenderErrorsInline, result.Output);
    }

    private static Outcome RunFluid(LiquidSpec spec)
    {
        if (!FluidEngine.Parser.TryParse(spec.Template, out var template, out _)) return new Outcome(true, "");
        var options = FluidEngine.Options(spec.Filesystem, LiquidSpecFiles.FrozenNow);
        if (spec.StepLimit is { } steps) options.MaxSteps = (int)Math.Min(steps, int.MaxValue);
        try
        {
            return new Outcome(false, template.Render(FluidEngine.Context(spec.Environment, options)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Outcome(true, "");
        }
    }

    private static readonly (string What, string Template)[] BrazeCases =
    [
        ("`{{${first_name}}}` (a standard attribute)", "Hi {{${first_name} | default: 'there'}}"),
        ("`{{api_trigger_properties.${order_id}}}`", "Order {{api_trigger_properties.${order_id}}}"),
        ("`{% connected_content ... :save r %}`", "{% connected_content https://api.example.com/offers :save r %}{{ r.title }}"),
        ("`{% abort_message('...') %}`", "{% if true %}{% abort_message('out of stock') %}{% endif %}"),
    ];

    private static void Dialect(StringBuilder report)
    {
        report.AppendLine("## Braze's dialect: does the template parse?");
        report.AppendLine("| Template | BrazeLite.Liquid | Fluid.Core 2.41.1 |");
        report.AppendLine("|---|---|---|");
        foreach (var (what, template) in BrazeCases)
        {
            var ours = LiquidTemplate.Parse(template).Template is not null ? "parses" : "parse error";
            var fluid = FluidEngine.Parser.TryParse(template, out _, out var error) ? "parses" : "parse error: " + FirstLine(error);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {ours} | {fluid} |");
        }
        report.AppendLine();
    }

    private static void Limits(StringBuilder report)
    {
        report.AppendLine("## Runaway templates, default options");
        report.AppendLine("| Template | BrazeLite.Liquid | Fluid.Core 2.41.1 |");
        report.AppendLine("|---|---|---|");
        const string bigOutput = "{% assign s = '0123456789' %}{% for i in (1..18) %}{% assign s = s | append: s %}{% endfor %}{{ s }}";
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| 2.6 MB of output in 40 steps (a string doubled 18 times) | {OursLimit(bigOutput)} | {FluidLimit(bigOutput)} |");
        const string manySteps = "{% for i in (1..20000) %}{% for j in (1..500) %}{% endfor %}{% endfor %}";
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| 10 million loop steps | {OursLimit(manySteps)} | {FluidLimit(manySteps)} |");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {DeepTemplate().Length / 1024} KB template: `{{% if ((((…true…)))) %}}`, {DeepNesting:N0} deep | {InChildProcess("ours")} | {InChildProcess("fluid")} |");
        report.AppendLine();
    }

    private static string OursLimit(string template)
    {
        var watch = Stopwatch.StartNew();
        var result = LiquidTemplate.Parse(template).Template!.Render(new LiquidRenderContext(new Dictionary<string, object?>()));
        return result.Errors.Count > 0
            ? $"stopped after {watch.ElapsedMilliseconds} ms: {FirstLine(result.Errors[0].Message)}"
            : $"rendered {result.Output.Length:N0} characters in {watch.ElapsedMilliseconds} ms";
    }

    private static string FluidLimit(string template)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var output = FluidEngine.Parse(template).Render(new TemplateContext(FluidEngine.Options()));
            return $"rendered {output.Length:N0} characters in {watch.ElapsedMilliseconds} ms";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"stopped after {watch.ElapsedMilliseconds} ms: {FirstLine(e.Message)}";
        }
    }

    internal static string DeepTemplate() =>
        "{% if " + new string('(', DeepNesting) + "true" + new string(')', DeepNesting) + " %}deep{% endif %}";

    /// <summary>The deep template in a child process, since a stack overflow cannot be caught and ends the process.</summary>
    private static string InChildProcess(string engine)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(EngineComparison).Assembly.Location);
        start.ArgumentList.Add("--deep");
        start.ArgumentList.Add(engine);
        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        if (!child.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            child.Kill(entireProcessTree: true);
            return "still running after a minute";
        }
        if (child.ExitCode == 0) return FirstLine(stdout.Result);
        var crash = stderr.Result.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) ? "stack overflow" : FirstLine(stderr.Result);
        return $"process died ({crash}, exit code {child.ExitCode})";
    }

    /// <summary>Child side of <see cref="InChildProcess"/>: parses and renders the deep template once.</summary>
    public static int Deep(string engine)
    {
        var template = DeepTemplate();
        if (engine == "fluid")
        {
            if (!FluidEngine.Parser.TryParse(template, out var parsed, out var error))
            {
                Console.WriteLine("parse error: " + FirstLine(error));
                return 0;
            }
            Console.WriteLine($"rendered \"{parsed.Render(new TemplateContext(FluidEngine.Options()))}\"");
            return 0;
        }
        var ours = LiquidTemplate.Parse(template);
        Console.WriteLine(ours.Template is null
            ? "parse error: " + FirstLine(ours.Errors[0].Message)
            : $"rendered \"{ours.Template.Render(new LiquidRenderContext(new Dictionary<string, object?>())).Output}\"");
        return 0;
    }

    private static string FirstLine(string? text) =>
        (text ?? "").Split('\n', 2)[0].Trim().Replace("|", "\\|", StringComparison.Ordinal);
}
