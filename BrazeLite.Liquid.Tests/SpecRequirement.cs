using BrazeLite.Liquid.Specs;

namespace BrazeLite.Liquid.Tests;

/// <summary>
/// Where Shopify's liquid-spec cases are (<c>shared/liquid-spec/basics</c>, looked for above the test binary), and
/// what a spec-based test does when they are missing: skip on a developer machine, fail under <c>CI=true</c>, so
/// the conformance suite can never pass in CI by silently not running.
/// </summary>
public static class SpecRequirement
{
    /// <summary>The single theory row used when there are no spec files, so the theory runs once and skips.</summary>
    public const string MissingRow = "(liquid-spec missing)";

    private static readonly Lazy<string?> LazyDirectory = new(() => LiquidSpecFiles.FindDirectory(AppContext.BaseDirectory));

    /// <summary>The directory holding the spec YAML files, or null when there is none.</summary>
    public static string? Directory => LazyDirectory.Value;

    public static bool Available => Directory is not null;

    public static string MissingReason =>
        $"no shared/liquid-spec/basics above {AppContext.BaseDirectory}; put the shared folder beside the repository";

    private static bool RunningInCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the calling test when the specs are missing; under CI=true fails it instead.</summary>
    public static string Require()
    {
        if (Directory is { } dir) return dir;
        if (RunningInCi) Assert.Fail(MissingReason + " (CI=true: the spec-based tests must run)");
        Skip.If(true, MissingReason);
        throw new InvalidOperationException("unreachable");
    }
}
