using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Templates;
using BrazeLite.Liquid;
using BrazeLite.Liquid.Braze;

namespace BrazeLite.Core.Messaging;

/// <summary>
/// Renders a channel's message: every templated field, with the SMS segments or push size measured on the rendered
/// text. Templates are cached by source text, so re-rendering on each keystroke only parses the fields that changed.
/// </summary>
public sealed class MessageRenderer(ITemplateRenderer templates)
{
    /// <summary>Renders every templated field of <paramref name="message"/>.</summary>
    public RenderedMessage Render(ChannelMessage message, RenderData data, LiquidErrorMode mode = LiquidErrorMode.Strict,
        CancellationToken ct = default)
    {
        var fields = new List<RenderedField>();
        foreach (var template in message.Templates())
        {
            ct.ThrowIfCancellationRequested();
            var result = template.Source.Length == 0 ? RenderedTemplate.Empty : templates.Render(template.Source, data, mode, ct);
            fields.Add(new RenderedField(template.Field.Key, template.Field.Label, template.Source, result));
        }
        return Measured(new RenderedMessage(message, fields));
    }

    /// <summary>As <see cref="Render(ChannelMessage, RenderData, LiquidErrorMode, CancellationToken)"/>, awaiting a send's <c>connected_content</c> calls.</summary>
    public async ValueTask<RenderedMessage> RenderAsync(ChannelMessage message, RenderData data, LiquidErrorMode mode = LiquidErrorMode.Strict,
        CancellationToken ct = default)
    {
        var fields = new List<RenderedField>();
        foreach (var template in message.Templates())
        {
            ct.ThrowIfCancellationRequested();
            var result = template.Source.Length == 0 ? RenderedTemplate.Empty : await templates.RenderAsync(template.Source, data, mode, ct);
            fields.Add(new RenderedField(template.Field.Key, template.Field.Label, template.Source, result));
        }
        return Measured(new RenderedMessage(message, fields));
    }

    // The SMS segments and push size, measured on the rendered text.
    private static RenderedMessage Measured(RenderedMessage rendered) => rendered.Message switch
    {
        SmsMessage => rendered with { Sms = SmsSegments.Calculate(rendered.Output(SmsFields.Body)) },
        PushMessage push => rendered with
        {
            Push = PushPayloadSize.Measure(push.Channel, rendered.Output(PushFields.Title), rendered.Output(PushFields.Body)),
        },
        _ => rendered,
    };

    /// <summary>Renders variant <paramref name="variant"/>'s message for <paramref name="channel"/>, as the campaign's.</summary>
    public RenderedMessage Render(Campaign campaign, CampaignVariant variant, Channel channel, RenderData data,
        LiquidErrorMode mode = LiquidErrorMode.Strict, CancellationToken ct = default)
    {
        var message = variant.MessageFor(channel) ?? ChannelMessage.Empty(channel);
        var withCampaign = data with { Campaign = data.Campaign ?? new BrazeCampaign(campaign.CampaignId, campaign.Name, variant.Name) };
        return Render(message, withCampaign, mode, ct);
    }
}
