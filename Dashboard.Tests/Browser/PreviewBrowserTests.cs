using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>The live preview in a real browser: the code editor, saved sample payloads, and errors at their line.</summary>
[Collection(BrowserCollection.Name)]
public class PreviewBrowserTests(DashboardBrowserFixture fixture)
{
    [SkippableFact]
    public async Task Preview_TemplateTypedWithSavedPayloads_RendersPickedPayloadThenShowsErrorAtItsLine()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(Preview_TemplateTypedWithSavedPayloads_RendersPickedPayloadThenShowsErrorAtItsLine));
        var page = session.Page;
        var name = $"Preview {Guid.NewGuid():N}"[..20];

        await session.OpenAsync("/campaigns/new/api-triggered");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add channel" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "SMS/MMS", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menuitem)).ToHaveCountAsync(0);

        // Typed into the code editor, as a marketer types.
        var message = page.GetByRole(AriaRole.Region, new() { Name = "SMS/MMS message, Variant 1" });
        var code = message.Locator(".monaco-editor").First;
        await Expect(code).ToBeVisibleAsync();
        await FocusAsync(code);
        await page.Keyboard.TypeAsync("Hi {{api_trigger_properties.${name}}}!");
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "SMS/MMS preview" });
        await Expect(preview.Locator(".sms-bubble")).ToHaveTextAsync("Hi !");
        await Expect(page.GetByLabel("Status: Missing variables")).ToBeVisibleAsync();
        await session.ScreenshotAsync("typed");

        // Sample payloads are kept with a saved campaign.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/campaigns/[0-9a-f-]{36}$"));
        var campaignId = page.Url[^36..];
        await session.OpenAsync($"/campaigns/{campaignId}/edit");
        await session.SelectTabAsync("Channels and messages");
        await Expect(preview.Locator(".sms-bubble")).ToHaveTextAsync("Hi !");

        var samples = page.GetByRole(AriaRole.Region, new() { Name = "Sample data" });
        await SavePayloadAsync(samples, "Ana's order", "{\"name\": \"Ana\"}");
        await Expect(preview.Locator(".sms-bubble")).ToHaveTextAsync("Hi Ana!");
        await ChooseAsync(page, samples.GetByLabel("Sample payload"), "New payload…");
        await SavePayloadAsync(samples, "Bo's order", "{\"name\": \"Bo\"}");
        await Expect(preview.Locator(".sms-bubble")).ToHaveTextAsync("Hi Bo!");

        await ChooseAsync(page, samples.GetByLabel("Sample payload"), "Ana's order");
        await Expect(preview.Locator(".sms-bubble")).ToHaveTextAsync("Hi Ana!");
        await Expect(page.GetByLabel("Status: OK")).ToBeVisibleAsync();
        await session.ScreenshotAsync("picked-payload");

        // A broken second line: the error names its line, the editor marks it, the last good preview stays.
        await FocusAsync(code);
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("{{ api_trigger_properties.name | upcas }}");
        var errors = message.GetByRole(AriaRole.List, new() { Name = "Template errors" });
        await Expect(errors).ToContainTextAsync("Body: unknown filter `upcas`");
        await Expect(errors).ToContainTextAsync("line 2, column");
        await Expect(message.Locator(".monaco-editor .squiggly-error").First).ToBeAttachedAsync();
        await Expect(message.Locator(".monaco-editor .template-error-line").First).ToBeAttachedAsync();
        await Expect(preview.Locator(".sms-bubble")).ToHaveTextAsync("Hi Ana!");
        await Expect(preview).ToContainTextAsync("Stale");
        await session.ScreenshotAsync("error");

        await session.SelectTabAsync("Review");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Template errors" })).ToContainTextAsync("unknown filter `upcas`");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Launch" })).ToBeDisabledAsync();
    }

    [SkippableFact]
    public async Task Preview_TemplateOf100000Characters_RendersWithoutDroppingTheConnection()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(Preview_TemplateOf100000Characters_RendersWithoutDroppingTheConnection));
        var page = session.Page;

        await session.OpenAsync("/campaigns/new/api-triggered");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Long {Guid.NewGuid():N}"[..20]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add channel" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "SMS/MMS", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menuitem)).ToHaveCountAsync(0);
        var message = page.GetByRole(AriaRole.Region, new() { Name = "SMS/MMS message, Variant 1" });
        var code = message.Locator(".monaco-editor").First;
        await Expect(code).ToBeVisibleAsync();
        // Once a typed character shows in the preview, the editor reports its changes.
        await FocusAsync(code);
        await page.Keyboard.TypeAsync("a");
        var bubble = page.GetByRole(AriaRole.Region, new() { Name = "SMS/MMS preview" }).Locator(".sms-bubble");
        await Expect(bubble).ToHaveTextAsync("a");

        // Pasted in one go, as a marketer pastes a long template: far above SignalR's 32 KB default message size.
        const string head = "Hi {{ api_trigger_properties.${name} | default: 'you' }} ";
        var body = head + new string('x', 100_000 - head.Length);
        await page.EvaluateAsync("text => monaco.editor.getModels().find(m => m.getValue() === 'a').setValue(text)", body);

        var segments = page.GetByRole(AriaRole.Region, new() { Name = "SMS/MMS preview" }).GetByLabel("SMS segments");
        var rendered = "Hi you ".Length + 100_000 - head.Length;
        await Expect(segments).ToContainTextAsync($"· {rendered} characters", new() { Timeout = 20_000 });
        await session.ScreenshotAsync("long-template");

        // The circuit is still alive: a further edit still renders.
        await page.EvaluateAsync("() => monaco.editor.getModels().find(m => m.getValue().length === 100000).setValue('Short now')");
        await Expect(bubble).ToHaveTextAsync("Short now");
    }

    /// <summary>Clicks into the code editor and waits until it has the keyboard.</summary>
    private static async Task FocusAsync(ILocator code)
    {
        await code.ClickAsync();
        await Expect(code).ToHaveClassAsync(new Regex(@"\bfocused\b"));
    }

    private static async Task SavePayloadAsync(ILocator samples, string name, string json)
    {
        await samples.GetByLabel("Payload name").FillAsync(name);
        await samples.GetByLabel("Payload JSON").FillAsync(json);
        await samples.GetByRole(AriaRole.Button, new() { Name = "Save payload" }).ClickAsync();
        await Expect(samples.GetByRole(AriaRole.Status)).ToContainTextAsync($"Payload \"{name}\" saved.");
    }

    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true })).ToBeHiddenAsync();
    }
}
