using BrazeLite.Liquid;
using BrazeLite.Liquid.Specs;
using Xunit.Abstractions;

namespace BrazeLite.Liquid.Tests;

/// <summary>
/// Runs every liquid-spec case through the engine. A case listed in conformance-known-failures.txt must fail
/// (so the list stays true); any other case must pass.
/// </summary>
public sealed class LiquidConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> SpecNames()
    {
        var data = new TheoryData<string>();
        foreach (var spec in LiquidSpecSuite.All) data.Add(spec.Id);
        if (data.Count == 0) data.Add(SpecRequirement.MissingRow);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(SpecNames))]
    public void Spec_RunThroughEngine_MatchesExpectationOrKnownFailure(string name)
    {
        SpecRequirement.Require();
        var spec = LiquidSpecSuite.All.Single(s => s.Id == name);
        Skip.If(LiquidSpecFiles.IsExcluded(spec), $"needs Ruby objects ({string.Join(", ", spec.Features)})");
        var failure = LiquidSpecSuite.Run(spec);
        if (LiquidSpecSuite.KnownFailures.TryGetValue(name, out var reason))
            Assert.True(failure is not null, $"'{name}' is listed as a known failure ({reason}) but passes: remove it from conformance-known-failures.txt");
        else
            Assert.True(failure is null, $"{spec.File} / {name} (complexity {spec.Complexity}): {failure}");
    }

    [SkippableTheory]
    [MemberData(nameof(SpecNames))]
    public void Spec_RenderedAsynchronously_GivesTheSameResult(string name)
    {
        SpecRequirement.Require();
        var spec = LiquidSpecSuite.All.Single(s => s.Id == name);
        Skip.If(LiquidSpecFiles.IsExcluded(spec), $"needs Ruby objects ({string.Join(", ", spec.Features)})");
        var failure = LiquidSpecSuite.Run(spec, out var sync);
        var asyncFailure = LiquidSpecSuite.Run(spec, out var async, everyNodeAsync: true);
        Assert.Equal(failure, asyncFailure);
        Assert.Equal(sync?.Output, async?.Output);
        Assert.Equal(sync?.Errors.Select(e => e.Message), async?.Errors.Select(e => e.Message));
        Assert.Equal(sync?.Warnings.Select(e => e.Message), async?.Warnings.Select(e => e.Message));
    }

    [SkippableFact]
    public void Suite_AllSpecs_AtLeast97PercentOfIncludedPass()
    {
        SpecRequirement.Require();
        var excluded = 0;
        var failures = new List<(LiquidSpec Spec, string Reason)>();
        var passed = 0;
        foreach (var spec in LiquidSpecSuite.All)
        {
            if (LiquidSpecFiles.IsExcluded(spec))
            {
                excluded++;
                continue;
            }
            var failure = LiquidSpecSuite.Run(spec);
            if (failure is null) passed++;
            else failures.Add((spec, failure));
        }
        var included = passed + failures.Count;
        var lines = new List<string>
        {
            $"liquid-spec basics: {passed} of {included} included specs pass ({100.0 * passed / included:0.0}%), {excluded} excluded (drops, ruby_drops, ruby_types)",
        };
        lines.AddRange(failures.OrderBy(f => f.Spec.Complexity).Select(f => $"FAIL {f.Spec.Id}\t{f.Spec.Complexity}\t{f.Reason}"));
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "conformance-report.txt"), lines);
        foreach (var line in lines) output.WriteLine(line);
        Assert.True(passed >= included * 0.97, lines[0]);
    }

    [SkippableFact]
    public void Suite_Ids_AreUnique()
    {
        SpecRequirement.Require();
        var duplicates = LiquidSpecSuite.All.GroupBy(s => s.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }
}
