using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The authoring defects a new marketer hit, each tried again as they tried it: sample data kept and duplicated, a
/// defaulted variable not missing, the archived editor, the review's one count, Next on an unfinished step, focus on
/// the field a problem names, and the first click on a step.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class AuthoringDefectsBrowserTests(DashboardBrowserFixture fixture)
{
    [GeneratedRegex("/campaigns/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex CampaignPage();

    [SkippableFact]
    public async Task PayloadTypedBeforeTheFirstSave_IsKeptWithTheCampaignAndItsDuplicate_AndADefaultedVariableIsNotMissing()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(PayloadTypedBeforeTheFirstSave_IsKeptWithTheCampaignAndItsDuplicate_AndADefaultedVariableIsNotMissing));
        var page = session.Page;
        const string expected = "Hi there, your Shoes are on the way.";

        await session.OpenAsync("/campaigns/new/api-triggered");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Shoes {Guid.NewGuid():N}"[..20]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await AddChannelAsync(page, "SMS/MMS");
        var message = page.GetByRole(AriaRole.Region, new() { Name = "SMS/MMS message, Variant 1" });
        await message.GetByRole(AriaRole.Button, new() { Name = "Simple editor" }).ClickAsync();
        await message.GetByLabel("SMS body").FillAsync("Hi {{${first_name} | default: 'there'}}, your {{api_trigger_properties.${product}}} are on the way.");
        var samples = page.GetByRole(AriaRole.Region, new() { Name = "Sample data" });
        await samples.GetByLabel("Payload JSON").FillAsync("""{"product":"Shoes","price":"59.90"}""");

        var preview = page.GetByRole(AriaRole.Region, new() { Name = "SMS/MMS preview" });
        await Expect(preview.Locator(".sms-bubble")).ToHaveTextAsync(expected);
        // first_name has a default, so nothing is missing without a sample user.
        await Expect(page.GetByLabel("Status: OK")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Status: Missing variables")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(CampaignPage());
        var campaignId = CampaignPage().Match(page.Url).Groups["id"].Value;

        await session.OpenAsync($"/campaigns/{campaignId}/edit");
        await session.SelectTabAsync("Channels and messages");
        await Expect(samples.GetByLabel("Payload JSON")).ToHaveValueAsync(new Regex("\"product\"\\s*:\\s*\"Shoes\""));
        await Expect(preview.Locator(".sms-bubble")).ToHaveTextAsync(expected);
        await session.ScreenshotAsync("payload-kept");

        await session.OpenAsync($"/campaigns/{campaignId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Duplicate", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Campaign duplicated: this is the copy")).ToBeVisibleAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex(campaignId));
        var copyId = CampaignPage().Match(page.Url).Groups["id"].Value;
        await session.OpenAsync($"/campaigns/{copyId}/edit");
        await session.SelectTabAsync("Channels and messages");
        await Expect(samples.GetByLabel("Payload JSON")).ToHaveValueAsync(new Regex("\"product\"\\s*:\\s*\"Shoes\""));
        await Expect(preview.Locator(".sms-bubble")).ToHaveTextAsync(expected);
        await session.ScreenshotAsync("copy-has-payload");
    }

    [SkippableFact]
    public async Task ArchivedCampaign_EditorOpensReadOnly_WithUnarchiveWhereTheMarketerIs()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(ArchivedCampaign_EditorOpensReadOnly_WithUnarchiveWhereTheMarketerIs));
        var page = session.Page;
        var name = $"Old {Guid.NewGuid():N}"[..20];
        await session.OpenAsync("/campaigns/new/api");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(CampaignPage());
        var campaignId = CampaignPage().Match(page.Url).Groups["id"].Value;
        await page.GetByRole(AriaRole.Button, new() { Name = "Archive", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Archive campaign", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unarchive", Exact = true })).ToBeVisibleAsync();

        await session.OpenAsync($"/campaigns/{campaignId}/edit");

        await Expect(page.GetByText("This campaign is archived, so it is read-only")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save draft" })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("read-only");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unarchive and edit" }).ClickAsync();
        var field = page.GetByLabel("Name", new() { Exact = true });
        await Expect(field).ToHaveValueAsync(name);
        await Expect(field).ToBeEditableAsync();
        await field.FillAsync(name + " 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name + " 2", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Draft", new() { Exact = true }).First).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task SimpleEditor_ClickedAtOnceWhileTheOtherEditorsAreCreated_TurnsEveryFieldToText()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(SimpleEditor_ClickedAtOnceWhileTheOtherEditorsAreCreated_TurnsEveryFieldToText));
        var page = session.Page;
        // Three times, each on a fresh editor: the first switch is clicked the moment it is enabled, when the subject's
        // editor exists and the bodies' may not.
        for (var round = 0; round < 3; round++)
        {
            await session.OpenAsync("/campaigns/new/api-triggered");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Switch {round} {Guid.NewGuid():N}"[..20]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
            await AddChannelAsync(page, "Email");
            var message = page.GetByRole(AriaRole.Region, new() { Name = "Email message, Variant 1" });

            await message.GetByRole(AriaRole.Button, new() { Name = "Simple editor" }).First.ClickAsync();

            await Expect(message.Locator(".monaco-editor")).ToHaveCountAsync(0);
            await Expect(message.GetByLabel("Subject", new() { Exact = true })).ToBeEditableAsync();
            await Expect(message.GetByLabel("HTML body", new() { Exact = true })).ToBeEditableAsync();
        }
    }

    [SkippableFact]
    public async Task Review_MissingFieldAndTemplateError_CountTogetherAndBlockLaunch_AndEachLinkFocusesItsField()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(Review_MissingFieldAndTemplateError_CountTogetherAndBlockLaunch_AndEachLinkFocusesItsField));
        var page = session.Page;
        await session.OpenAsync("/campaigns/new/api-triggered");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Review {Guid.NewGuid():N}"[..20]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await AddChannelAsync(page, "Email");
        var message = page.GetByRole(AriaRole.Region, new() { Name = "Email message, Variant 1" });
        // Subject, HTML body and text part are code editors (Liquid highlighted, the subject on two lines).
        await Expect(message.Locator(".monaco-editor")).ToHaveCountAsync(3);
        // The switch stands by each code editor and turns them all to plain text areas, even while the others are still
        // being created (the switch waits for them).
        await message.GetByRole(AriaRole.Button, new() { Name = "Simple editor" }).First.ClickAsync();
        await Expect(message.Locator(".monaco-editor")).ToHaveCountAsync(0);
        await message.GetByLabel("Subject", new() { Exact = true }).FillAsync("Your receipt");
        await message.GetByLabel("HTML body", new() { Exact = true }).FillAsync("<p>{{ 'thanks' | upcas }}</p>");

        await session.SelectTabAsync("Review");

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "fix 2 problems before launching" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Everything is filled in correctly.")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Launch" })).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Template errors" })).ToContainTextAsync("unknown filter `upcas`");
        // The review's panel is the step's own tab panel, not an empty one beside it.
        await Expect(page.GetByRole(AriaRole.Tabpanel)).ToContainTextAsync("fix 2 problems before launching");
        await session.ScreenshotAsync("two-problems");

        await page.GetByRole(AriaRole.List, new() { Name = "Problems" }).GetByRole(AriaRole.Button).Filter(new() { HasText = "From" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Channels and messages" })).ToHaveAttributeAsync("aria-selected", "true");
        var from = message.GetByLabel("From", new() { Exact = true });
        await Expect(from).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Shop <shop@example.com>");
        await message.GetByLabel("HTML body", new() { Exact = true }).FillAsync("<p>{{ 'thanks' | upcase }}</p>");

        await session.SelectTabAsync("Review");
        await Expect(page.GetByText("Everything is filled in correctly.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Launch" })).ToBeEnabledAsync();
    }

    [SkippableFact]
    public async Task Next_WithAnEmptyName_StaysAndSaysSoAtTheFocusedField_WithoutFlaggingStepsNotVisited()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(Next_WithAnEmptyName_StaysAndSaysSoAtTheFocusedField_WithoutFlaggingStepsNotVisited));
        var page = session.Page;
        await session.OpenAsync("/campaigns/new/api-triggered");
        var name = page.GetByLabel("Name", new() { Exact = true });
        await Expect(name).ToHaveAttributeAsync("aria-required", "true");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await Expect(page.GetByText("Give the campaign a name.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Details" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(name).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Details" })).ToHaveClassAsync(new Regex("mud-step-error"));
        // Channels is unfinished too (no channel yet), but the marketer has not been there: it is not flagged.
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Channels and messages" })).Not.ToHaveClassAsync(new Regex("mud-step-error"));
        await session.ScreenshotAsync("name-required");

        await page.Keyboard.TypeAsync("Welcome series");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Channels and messages" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByText("Give the campaign a name.")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The first click on a step, as soon as the editor shows, selects it every time (it was lost about one time in three
    /// while prerendered markup stood in for the circuit; the editor is not prerendered now, decision 0004).
    /// </summary>
    [SkippableFact]
    public async Task StepClicked_AsSoonAsTheEditorShows_IsSelectedEveryTime()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(StepClicked_AsSoonAsTheEditorShows_IsSelectedEveryTime));
        var page = session.Page;
        await session.OpenAsync("/campaigns/new/api-triggered");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Clicks {Guid.NewGuid():N}"[..20]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await AddChannelAsync(page, "Email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(CampaignPage());
        var edit = page.Url + "/edit";

        var lost = new List<string>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            // No wait for the circuit: the click goes in as soon as the step can be clicked, as an eager marketer's would.
            await page.GotoAsync(attempt % 2 == 0 ? edit : "/campaigns/new/api-triggered");
            foreach (var step in new[] { "Conversion events", "Channels and messages", "Variants" })
            {
                var tab = page.GetByRole(AriaRole.Tab, new() { Name = step });
                await tab.ClickAsync();
                if (await tab.GetAttributeAsync("aria-selected") != "true")
                {
                    try
                    {
                        await Expect(tab).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = 3_000 });
                    }
                    catch (PlaywrightException)
                    {
                        lost.Add($"attempt {attempt}: {step}");
                    }
                }
            }
        }

        Assert.Empty(lost);
    }

    [SkippableFact]
    public async Task InsertPersonalization_IntoTheCodeEditor_GoesInAtTheCursorAndRendersTheDefault()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(InsertPersonalization_IntoTheCodeEditor_GoesInAtTheCursorAndRendersTheDefault));
        var page = session.Page;
        await session.OpenAsync("/campaigns/new/api-triggered");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Hello {Guid.NewGuid():N}"[..20]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await AddChannelAsync(page, "SMS/MMS");
        var message = page.GetByRole(AriaRole.Region, new() { Name = "SMS/MMS message, Variant 1" });
        var code = message.Locator(".monaco-editor").First;
        await Expect(code).ToBeVisibleAsync();
        await code.ClickAsync();
        await Expect(code).ToHaveClassAsync(new Regex(@"\bfocused\b"));
        await page.Keyboard.TypeAsync("Hello , see you!");
        for (var i = 0; i < ", see you!".Length; i++)
        {
            await page.Keyboard.PressAsync("ArrowLeft");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Insert personalization" }).ClickAsync();
        var picker = page.GetByRole(AriaRole.Group, new() { Name = "Insert personalization" });
        await picker.GetByLabel("Default (optional)").FillAsync("there");
        await Expect(picker.GetByLabel("Liquid to insert")).ToHaveTextAsync("{{${first_name} | default: 'there'}}");
        await picker.GetByRole(AriaRole.Button, new() { Name = "Insert", Exact = true }).ClickAsync();

        // At the cursor, where the marketer left it.
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "SMS/MMS preview" }).Locator(".sms-bubble")).ToHaveTextAsync("Hello there, see you!");
        await Expect(message.Locator(".monaco-editor .view-lines").First).ToContainTextAsync("first_name");
        await session.ScreenshotAsync("inserted");
    }

    [SkippableFact]
    public async Task Editor_OnALargeScreen_UsesItsWidth()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(Editor_OnALargeScreen_UsesItsWidth));
        var page = session.Page;
        await page.SetViewportSizeAsync(1920, 1080);
        await session.OpenAsync("/campaigns/new/api-triggered");

        var editor = await page.Locator(".campaign-editor").BoundingBoxAsync();

        Assert.NotNull(editor);
        Assert.True(editor.Width > 1600, $"the editor is {editor.Width}px wide on a 1920px screen");
    }

    private static Task AddChannelAsync(IPage page, string channel) => CampaignAuthoringBrowserTests.AddChannelAsync(page, channel);
}
