using AngleSharp.Dom;
using Bunit;
using Dashboard.Campaigns;
using Dashboard.Campaigns.Editor;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Campaigns.Editor;

/// <summary>Renders the editor the way the app does: MudBlazor services, the popover and dialog providers, a fake service.</summary>
public abstract class EditorTestContext : BunitContext, IAsyncLifetime
{
    internal FakeCampaignService Service { get; } = new();

    protected EditorTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<ICampaignService>(Service);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    /// <summary>The popover and dialog providers, rendered beside the editor so menus, selects and dialogs open.</summary>
    protected IRenderedComponent<MudPopoverProvider> Providers { get; private set; } = null!;
    protected IRenderedComponent<MudDialogProvider> DialogProvider { get; private set; } = null!;

    protected IRenderedComponent<CampaignEditor> RenderEditor(CampaignForm form)
    {
        Providers = Render<MudPopoverProvider>();
        DialogProvider = Render<MudDialogProvider>();
        return Render<CampaignEditor>(p => p.Add(e => e.Form, form));
    }

    protected IRenderedComponent<CampaignEditor> RenderNew(CampaignType type) => RenderEditor(CampaignFormEditing.NewForm(type));

    /// <summary>The input or textarea whose label reads exactly <paramref name="label"/>.</summary>
    protected static IElement Field(IRenderedComponent<CampaignEditor> cut, string label)
    {
        var matches = cut.FindAll("label")
            .Where(l => l.TextContent.Trim() == label)
            .Select(l => l.GetAttribute("for"))
            .Where(id => !string.IsNullOrEmpty(id))
            .Select(id => cut.Find($"#{id}"))
            .ToList();
        Assert.True(matches.Count == 1, $"Expected one field labelled \"{label}\", found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The message MudBlazor shows under the field labelled <paramref name="label"/>, or null.</summary>
    protected static string? ErrorUnder(IRenderedComponent<CampaignEditor> cut, string label)
    {
        var control = Field(cut, label).Closest(".mud-input-control");
        return control?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim()
            ?? (control?.ClassList.Contains("mud-input-error") == true ? control.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() : null);
    }

    protected static IElement Button(IRenderedComponent<CampaignEditor> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text || b.GetAttribute("aria-label") == text);

    /// <summary>Clicks the button with this text or accessible name, on the renderer's thread so no render slips in between.</summary>
    protected static void Click(IRenderedComponent<CampaignEditor> cut, string text) =>
        cut.InvokeAsync(() => Button(cut, text).Click()).GetAwaiter().GetResult();

    /// <summary>The percentage field inside the group (a variant, the control group) with this accessible name.</summary>
    protected static AngleSharp.Dom.IElement PercentageIn(IRenderedComponent<CampaignEditor> cut, string group)
    {
        var labels = cut.FindAll($"[role=group][aria-label='{group}'] label").Where(l => l.TextContent.Trim().EndsWith("ercentage", StringComparison.Ordinal));
        return cut.Find($"#{labels.Single().GetAttribute("for")}");
    }

    protected static void Type(IRenderedComponent<CampaignEditor> cut, string label, string value) => Field(cut, label).Input(value);

    protected static void GoToStep(IRenderedComponent<CampaignEditor> cut, string title) =>
        cut.FindAll("button[role=tab]").Single(b => b.TextContent.Contains(title, StringComparison.Ordinal)).Click();

    /// <summary>Opens the select labelled <paramref name="label"/> and returns the options it offers.</summary>
    protected IReadOnlyList<string> OpenSelect(IRenderedComponent<CampaignEditor> cut, string label)
    {
        Field(cut, label).Closest(".mud-select")!.MouseDown();
        return OpenOptions("[role=option]");
    }

    protected void ChooseOption(IRenderedComponent<CampaignEditor> cut, string label, string option)
    {
        OpenSelect(cut, label);
        Providers.InvokeAsync(() => Providers.FindAll(".mud-popover-open [role=option]").Single(o => o.TextContent.Trim() == option).Click())
            .GetAwaiter().GetResult();
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-popover-open [role=option]")));
    }

    /// <summary>Opens the menu button with this text and returns its items.</summary>
    protected IReadOnlyList<string> OpenMenu(IRenderedComponent<CampaignEditor> cut, string text)
    {
        cut.InvokeAsync(() => Button(cut, text).Click()).GetAwaiter().GetResult();
        return OpenOptions("[role=menuitem]");
    }

    protected void ChooseMenuItem(IRenderedComponent<CampaignEditor> cut, string menu, string item)
    {
        OpenMenu(cut, menu);
        Providers.InvokeAsync(() => Providers.FindAll(".mud-popover-open [role=menuitem]").Single(o => o.TextContent.Trim() == item).Click())
            .GetAwaiter().GetResult();
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-popover-open [role=menuitem]")));
    }

    private List<string> OpenOptions(string selector) =>
        Providers.FindAll($".mud-popover-open {selector}").Select(o => o.TextContent.Trim()).ToList();

    /// <summary>A campaign that passes every rule: one SMS channel, one variant at 100% for API-triggered.</summary>
    protected static CampaignForm ValidForm(CampaignType type)
    {
        var form = CampaignFormEditing.NewForm(type);
        form.Name = "Order shipped";
        CampaignFormEditing.AddChannel(form, Channel.Sms);
        foreach (var variant in form.Variants)
        {
            CampaignFormEditing.MessageFor(variant, Channel.Sms).SmsBody = "Your order {{api_trigger_properties.${order_id}}} is on its way.";
        }
        Assert.Empty(CampaignValidator.Validate(form));
        return form;
    }
}
