using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>What a screen-reader or low-vision user meets first: a main landmark, and status text that reads at 4.5:1.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AccessibilityBrowserTests(DashboardBrowserFixture fixture)
{
    [SkippableFact]
    public async Task Editor_ProblemShown_PageHasAMainLandmarkAndItsErrorAndWarningTextReadAtAALevel()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(Editor_ProblemShown_PageHasAMainLandmarkAndItsErrorAndWarningTextReadAtAALevel));
        var page = session.Page;
        await session.OpenAsync("/campaigns/new/api");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        var error = page.GetByText("Give the campaign a name.");
        await Expect(error).ToBeVisibleAsync();
        Assert.True(await ContrastAsync(error) >= 4.5, $"the error text reads at {await ContrastAsync(error):0.0}:1");
        var warning = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "fix the 1 field marked in red" });
        Assert.True(await ContrastAsync(warning) >= 4.5, $"the warning text reads at {await ContrastAsync(warning):0.0}:1");
    }

    /// <summary>The contrast of the element's text colour against the first opaque background behind it.</summary>
    private static async Task<double> ContrastAsync(ILocator element)
    {
        // Backgrounds with transparency (an alert's tint) are laid over white, as they are on these pages.
        var colours = await element.EvaluateAsync<string[]>("""
            e => {
              const parse = c => (c.match(/[\d.]+/g) || []).map(Number);
              let bg = [255, 255, 255];
              for (let n = e; n; n = n.parentElement) {
                const [r, g, b, a = 1] = parse(getComputedStyle(n).backgroundColor);
                if (r === undefined || a === 0) continue;
                bg = [r * a + 255 * (1 - a), g * a + 255 * (1 - a), b * a + 255 * (1 - a)];
                break;
              }
              return [getComputedStyle(e).color, `rgb(${bg[0]}, ${bg[1]}, ${bg[2]})`];
            }
            """);
        return Ratio(Luminance(colours[0]), Luminance(colours[1]));
    }

    private static double Ratio(double a, double b) => (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);

    private static double Luminance(string css)
    {
        var parts = Rgb().Match(css).Groups.Values.Skip(1).Take(3).Select(g => double.Parse(g.Value, CultureInfo.InvariantCulture) / 255).ToArray();
        double Channel(double c) => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return 0.2126 * Channel(parts[0]) + 0.7152 * Channel(parts[1]) + 0.0722 * Channel(parts[2]);
    }

    [GeneratedRegex(@"rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)")]
    private static partial Regex Rgb();
}
