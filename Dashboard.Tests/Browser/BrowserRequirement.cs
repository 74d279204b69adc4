namespace Dashboard.Tests.Browser;

/// <summary>Where Debian's Chromium is, and what a browser test does when it is missing.</summary>
public static class BrowserRequirement
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultChromiumPath;

    public static bool ChromiumAvailable => File.Exists(ChromiumPath);

    public static string MissingReason => $"Chromium not found at {ChromiumPath}; apt-get install -y chromium";

    private static bool RunningInCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Skips the calling test when Chromium is missing on a developer machine; in CI a missing browser is a
    /// failure, so the browser scenarios can never pass there by silently not running.
    /// </summary>
    public static void Require()
    {
        if (ChromiumAvailable)
        {
            return;
        }
        if (RunningInCi)
        {
            Assert.Fail(MissingReason + " (CI=true: browser tests must run)");
        }
        Skip.If(true, MissingReason);
    }
}
