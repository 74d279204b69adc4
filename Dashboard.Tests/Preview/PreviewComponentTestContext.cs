using AngleSharp.Dom;
using Bunit;
using Dashboard.Campaigns;
using Dashboard.Campaigns.Editor;
using Dashboard.Preview;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Preview;

/// <summary>Renders preview components as the app does: MudBlazor, the real Liquid engine and renderer, sample data in memory.</summary>
public abstract class PreviewComponentTestContext : BunitContext, IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    internal FakeSampleDataService SampleData { get; } = new();

    protected PreviewComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddPreviewForTests(SampleData);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    protected PreviewSession SessionFor(CampaignForm form) => Services.GetRequiredService<PreviewSessions>().For(form);

    /// <summary>A saved API-triggered campaign with one variant and one channel.</summary>
    protected static CampaignForm Campaign(Channel channel, Action<MessageContentForm> write)
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        form.Name = "Order shipped";
        form.CampaignId = Ids.NewId();
        CampaignFormEditing.AddChannel(form, channel);
        write(CampaignFormEditing.MessageFor(form.Variants[0], channel));
        return form;
    }

    protected IRenderedComponent<MessageWithPreview> RenderMessage(CampaignForm form, Channel channel, TimeSpan? delay = null)
    {
        Render<MudPopoverProvider>();
        return Render<MessageWithPreview>(p => p
            .Add(c => c.Form, form)
            .Add(c => c.VariantIndex, 0)
            .Add(c => c.Message, CampaignFormEditing.MessageFor(form.Variants[0], channel))
            .Add(c => c.Errors, new EditorErrors())
            .Add(c => c.Delay, delay));
    }

    /// <summary>The input or textarea whose label reads exactly <paramref name="label"/>.</summary>
    protected static IElement Field<T>(IRenderedComponent<T> cut, string label) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var ids = cut.FindAll("label").Where(l => l.TextContent.Trim() == label).Select(l => l.GetAttribute("for")).ToList();
        Assert.True(ids.Count == 1, $"Expected one field labelled \"{label}\", found {ids.Count}.");
        return cut.Find($"#{ids[0]}");
    }
}
