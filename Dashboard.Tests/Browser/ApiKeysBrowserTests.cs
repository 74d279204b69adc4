using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ApiKeysBrowserTests(DashboardBrowserFixture fixture)
{
    [SkippableFact]
    public async Task ApiKey_CreatedInTheDashboard_AuthenticatesARealHttpRequestUntilRevoked()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(ApiKey_CreatedInTheDashboard_AuthenticatesARealHttpRequestUntilRevoked));
        var page = session.Page;
        await page.GotoAsync("/");
        await session.WaitForInteractiveAsync();
        var name = $"Preview script {Guid.NewGuid():N}"[..24];

        await session.OpenSettingsAsync("API keys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create API key" }).ClickAsync();
        await page.GetByLabel("Key name").FillAsync(name);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "templates.preview: POST /api/preview" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secretElement = page.GetByLabel("API key secret", new() { Exact = true });
        await Expect(secretElement).ToBeVisibleAsync();
        var secret = (await secretElement.TextContentAsync())!.Trim();
        Assert.Matches("^[0-9a-f-]{36}$", secret);
        await session.ScreenshotAsync("api-key-created");

        using var http = new HttpClient { BaseAddress = fixture.App!.BaseAddress };
        async Task<(HttpStatusCode Status, string Message)> PreviewAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/preview")
            {
                Content = new StringContent("""{"template": "Hi {{api_trigger_properties.${name}}}", "trigger_properties": {"name": "Ana"}}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var response = await http.SendAsync(request);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var text = body.RootElement.TryGetProperty("output", out var output) ? output.GetString()! : body.RootElement.GetProperty("message").GetString()!;
            return (response.StatusCode, text);
        }

        Assert.Equal((HttpStatusCode.OK, "Hi Ana"), await PreviewAsync());

        await page.ReloadAsync();
        await session.WaitForInteractiveAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).Not.ToContainTextAsync("Never");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Revoked");

        Assert.Equal((HttpStatusCode.Unauthorized, $"Invalid API key: {secret}"), await PreviewAsync());
    }
}
