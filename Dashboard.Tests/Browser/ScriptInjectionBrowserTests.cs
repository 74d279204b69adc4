using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Script typed into every field people fill (campaign, copy, samples, a user's attributes over the REST API) is shown
/// as text everywhere the dashboard shows it, and never runs: no dialog, no global it sets, no javascript: link.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScriptInjectionBrowserTests(DashboardBrowserFixture fixture)
{
    private const string Markup = "<img src=x onerror=\"window.__xss=1;alert(1)\"><script>window.__xss=2;alert(2)</script>";
    private const string JavascriptUrl = "javascript:window.__xss=3;alert(3)";

    [SkippableFact]
    public async Task HostileText_InEveryField_IsShownAsTextAndNeverRuns()
    {
        BrowserRequirement.Require();
        var app = fixture.App!;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (campaignId, draftId) = await SeedAsync(app.DatabasePath, tag);

        // A developer tracks a user whose attributes carry the same text, and triggers the campaign for them.
        using (var http = new HttpClient { BaseAddress = app.BaseAddress })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardApp.DeveloperKey);
            var user = $"xss-{tag}";
            using var track = await http.PostAsync("/users/track", Json(new
            {
                attributes = new[] { new { external_id = user, email = $"{user}@example.com", first_name = Markup, email_subscribe = "opted_in", website = JavascriptUrl } },
            }));
            Assert.Equal(HttpStatusCode.Created, track.StatusCode);
            using var trigger = await http.PostAsync("/campaigns/trigger/send", Json(new
            {
                campaign_id = campaignId,
                recipients = new[] { new { external_user_id = user, trigger_properties = new { order_id = Markup } } },
            }));
            Assert.Equal(HttpStatusCode.Created, trigger.StatusCode);
        }

        await using var session = await fixture.NewPageAsync(nameof(HostileText_InEveryField_IsShownAsTextAndNeverRuns));
        var page = session.Page;
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        foreach (var path in new[]
                 {
                     "/", $"/campaigns/{campaignId}", $"/campaigns/{draftId}", $"/campaigns/{draftId}/edit", $"/campaigns/{campaignId}/preview-matrix",
                     "/activity", "/inbox", $"/users?q=xss-{tag}", "/settings/audit",
                 })
        {
            await session.OpenAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await session.ScreenshotAsync(path.Trim('/').Replace('/', '-') is { Length: > 0 } name ? name : "home");
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"script ran on {path}");
            Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('script')].filter(s => s.textContent.includes('__xss')).length"));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('a[href^=\"javascript:\" i], [src^=\"javascript:\" i]').length"));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img[onerror]').length"));
        }
        // Shown, as text, where it was typed.
        await session.OpenAsync($"/campaigns/{draftId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("<script>");
        Assert.Empty(dialogs);
    }

    private static StringContent Json(object body) => new(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>A launched campaign whose copy holds the markup, and a draft with it in every field a marketer types.</summary>
    private static async Task<(string Launched, string Draft)> SeedAsync(string databasePath, string tag)
    {
        var launched = await SendPathBrowserTests.LaunchCampaignAsync(databasePath, $"Hostile copy {tag}");
        var options = new DbContextOptionsBuilder<BrazeLiteDbContext>().UseSqlite($"Data Source={databasePath}").Options;
        var factory = new PooledDbContextFactory<BrazeLiteDbContext>(options);
        var campaigns = CoreServices.Campaigns(factory, TimeProvider.System);
        var form = SampleCampaigns.Triggered($"{Markup} {tag}");
        form.Description = Markup;
        form.Tags = [$"<b>{tag}</b>"];
        foreach (var message in form.Variants.SelectMany(v => v.Messages))
        {
            foreach (var field in ChannelFields.For(message.Channel).Where(f => f.InDashboard && f.IsTemplate && f.Format == FieldFormat.Text && f != EmailFields.ReplyTo))
            {
                message[field] = Markup + " {{api_trigger_properties.${order_id}}}";
            }
        }
        // A javascript: URL never gets in: URL fields take http(s) only.
        var card = form.Variants[0].Messages.Single(m => m.Channel == Channel.ContentCard);
        card[ContentCardFields.ImageUrl] = JavascriptUrl;
        var refused = await campaigns.SaveAsync(form);
        Assert.Contains("The image URL must start with http:// or https://.", refused.Errors!.SelectMany(e => e.Value));
        card[ContentCardFields.ImageUrl] = null;
        var saved = await campaigns.SaveAsync(form);
        Assert.True(saved.Succeeded, saved.Message + string.Join("; ", saved.Errors?.SelectMany(e => e.Value) ?? []));
        var samples = CoreServices.Samples(factory, TimeProvider.System);
        var payload = await samples.SavePayloadAsync(saved.CampaignId!, new SamplePayloadForm
        {
            Name = $"{Markup} payload",
            Json = System.Text.Json.JsonSerializer.Serialize(new { order_id = Markup, link = JavascriptUrl }),
        });
        Assert.True(payload.Succeeded, payload.Message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (launched, saved.CampaignId!);
    }
}
