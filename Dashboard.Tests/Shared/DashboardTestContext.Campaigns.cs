using AngleSharp.Dom;
using Bunit;
using Dashboard.Campaigns.Editor;
using MudBlazor;

namespace Dashboard.Tests.Shared;

// Setting up the campaign editor and its previews.
public abstract partial class DashboardTestContext
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    protected IRenderedComponent<MudDialogProvider> DialogProvider { get; private set; } = null!;

    /// <summary>Renders the editor the way the app does, with the popover and dialog providers beside it.</summary>
    protected IRenderedComponent<CampaignEditor> RenderEditor(CampaignForm form)
    {
        RenderPopovers();
        DialogProvider = RenderDialogs();
        return Render<CampaignEditor>(p => p.Add(e => e.Form, form));
    }

    protected IRenderedComponent<CampaignEditor> RenderNew(CampaignType type) => RenderEditor(CampaignFormEditing.NewForm(type));

    /// <summary>One message with its live preview, as the messages step shows it.</summary>
    protected IRenderedComponent<MessageWithPreview> RenderMessage(CampaignForm form, Channel channel)
    {
        RenderPopovers();
        return Render<MessageWithPreview>(p => p
            .Add(c => c.Form, form)
            .Add(c => c.VariantIndex, 0)
            .Add(c => c.Message, CampaignFormEditing.MessageFor(form.Variants[0], channel))
            .Add(c => c.Errors, new EditorErrors()));
    }

    /// <summary>
    /// Lets the live preview's pause pass and waits for <paramref name="assertion"/>: the clock moves on every check, so a
    /// render asked for after the first check (an input's handler may finish later) still gets its pause.
    /// </summary>
    protected void AfterThePause<T>(IRenderedComponent<T> cut, Action assertion, TimeSpan? pause = null) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.WaitForAssertion(() =>
        {
            Time.Advance(pause ?? Dashboard.Preview.LivePreview.Delay);
            assertion();
        }, Patience);

    /// <summary>The percentage field inside the group (a variant, the control group) with this accessible name.</summary>
    protected static IElement PercentageIn(IRenderedComponent<CampaignEditor> cut, string group)
    {
        var labels = cut.FindAll($"[role=group][aria-label='{group}'] label").Where(l => l.TextContent.Trim().EndsWith("ercentage", StringComparison.Ordinal));
        return cut.Find($"#{labels.Single().GetAttribute("for")}");
    }

    /// <summary>A campaign that passes every rule: one SMS channel, one variant at 100% for API-triggered.</summary>
    protected static CampaignForm ValidForm(CampaignType type)
    {
        var form = CampaignFormEditing.NewForm(type);
        form.Name = "Order shipped";
        CampaignFormEditing.AddChannel(form, Channel.Sms);
        foreach (var variant in form.Variants)
        {
            CampaignFormEditing.MessageFor(variant, Channel.Sms)[SmsFields.Body] = "Your order {{api_trigger_properties.${order_id}}} is on its way.";
        }
        Assert.Empty(CampaignRules.Validate(form));
        return form;
    }

    /// <summary>A saved API-triggered campaign with one variant and one channel, whose message <paramref name="write"/> fills.</summary>
    protected static CampaignForm CampaignWith(Channel channel, Action<MessageContentForm> write)
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        form.Name = "Order shipped";
        form.CampaignId = Ids.NewId();
        CampaignFormEditing.AddChannel(form, channel);
        write(CampaignFormEditing.MessageFor(form.Variants[0], channel));
        return form;
    }
}
