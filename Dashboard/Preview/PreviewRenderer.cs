using Dashboard.Campaigns;

namespace Dashboard.Preview;

/// <summary>A named set of sample data (a saved payload and sample user) for the variant × payload matrix.</summary>
public sealed record PreviewSample(string Name, PreviewData Data);

/// <summary>One cell of the matrix: a variant rendered against a sample.</summary>
public sealed record PreviewMatrixCell(int VariantIndex, string VariantName, string SampleName, ChannelPreview Preview)
{
    public PreviewStatus Status => Preview.Status;
}

/// <summary>
/// Renders a campaign's messages for the preview: every templated field of one variant's message for one channel,
/// with the SMS segments or push size computed on the rendered text. Parsed templates are cached by source text
/// inside the engine, so re-rendering on each keystroke only parses the fields that changed.
/// </summary>
public sealed class PreviewRenderer(IPreviewEngine engine)
{
    /// <summary>Renders variant <paramref name="variantIndex"/>'s message for <paramref name="channel"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The campaign has no variant at that index.</exception>
    public ChannelPreview Render(CampaignForm campaign, int variantIndex, Channel channel, PreviewData data,
        PreviewErrorMode mode = PreviewErrorMode.Strict, CancellationToken ct = default)
    {
        if (variantIndex < 0 || variantIndex >= campaign.Variants.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(variantIndex), variantIndex,
                $"The campaign has {campaign.Variants.Count} variant(s); there is no variant {variantIndex}.");
        }
        var variant = campaign.Variants[variantIndex];
        var message = variant.Messages.FirstOrDefault(m => m.Channel == channel) ?? new MessageContentForm { Channel = channel };
        var withCampaign = data with
        {
            Campaign = data.Campaign ?? new PreviewCampaign(campaign.CampaignId, campaign.Name, variant.Name),
        };
        return Render(message, withCampaign, mode, ct);
    }

    /// <summary>
    /// <see cref="Render(CampaignForm, int, Channel, PreviewData, PreviewErrorMode, CancellationToken)"/> on the thread
    /// pool, so a component stays responsive while typing and can cancel a render that a newer one replaces.
    /// </summary>
    public Task<ChannelPreview> RenderAsync(CampaignForm campaign, int variantIndex, Channel channel, PreviewData data,
        PreviewErrorMode mode = PreviewErrorMode.Strict, CancellationToken ct = default) =>
        Task.Run(() => Render(campaign, variantIndex, channel, data, mode, ct), ct);

    /// <summary>Renders variant <paramref name="variantIndex"/> against a sample payload and sample user (both Liquid hashes).</summary>
    public ChannelPreview Render(CampaignForm campaign, int variantIndex, Channel channel,
        IDictionary<string, object?>? triggerProperties, IDictionary<string, object?>? user,
        PreviewErrorMode mode = PreviewErrorMode.Strict, CancellationToken ct = default) =>
        Render(campaign, variantIndex, channel, new PreviewData(triggerProperties, user), mode, ct);

    /// <summary>Renders every templated field of <paramref name="message"/>.</summary>
    public ChannelPreview Render(MessageContentForm message, PreviewData data,
        PreviewErrorMode mode = PreviewErrorMode.Strict, CancellationToken ct = default)
    {
        var fields = new List<FieldPreview>();
        foreach (var field in MessageFields.Of(message))
        {
            ct.ThrowIfCancellationRequested();
            var result = string.IsNullOrEmpty(field.Source)
                ? TemplatePreview.Empty
                : engine.Render(field.Source, data, mode, ct);
            fields.Add(new FieldPreview(field.Key, field.Label, field.Source ?? "", result));
        }

        var channel = message.Channel;
        var preview = new ChannelPreview(channel, fields);
        string Output(string key) => preview[key]?.Result.Output ?? "";
        return channel switch
        {
            Channel.Sms => preview with { Sms = SmsSegments.Calculate(Output("sms_body")) },
            _ when ChannelInfo.IsPush(channel) =>
                preview with { Push = PushPayloadSize.Measure(channel, Output("push_title"), Output("push_body")) },
            Channel.Webhook => preview with { WebhookMethod = message.WebhookMethod },
            Channel.ContentCard => preview with { CardType = message.CardType },
            _ => preview,
        };
    }

    /// <summary>
    /// The template errors that block a launch: every parse error in every variant's message for the campaign's
    /// channels, keyed by <see cref="CampaignFields.Message"/> (<c>Variants[0].Email.Subject</c>), each message led by
    /// the field's label ("Subject: unknown filter `upcas` at line 1, column 12; did you mean `upcase`?").
    /// </summary>
    public ValidationErrors TemplateErrors(CampaignForm campaign, PreviewErrorMode mode = PreviewErrorMode.Strict)
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < campaign.Variants.Count; i++)
        {
            foreach (var channel in campaign.Channels.Select(c => c.Channel).Distinct())
            {
                var message = campaign.Variants[i].Messages.FirstOrDefault(m => m.Channel == channel);
                if (message is null)
                {
                    continue;
                }
                foreach (var field in MessageFields.Of(message).Where(f => !string.IsNullOrEmpty(f.Source)))
                {
                    foreach (var error in engine.ParseErrors(field.Source!, mode))
                    {
                        errors.Add(CampaignFields.Message(i, channel, field.Property), $"{field.Label}: {error.Message}");
                    }
                }
            }
        }
        return errors;
    }

    /// <summary>
    /// The matrix: every variant of <paramref name="campaign"/> against every sample, for one channel, variant by
    /// variant, samples in the order given.
    /// </summary>
    public IReadOnlyList<PreviewMatrixCell> RenderMatrix(CampaignForm campaign, Channel channel,
        IReadOnlyList<PreviewSample> samples, PreviewErrorMode mode = PreviewErrorMode.Strict, CancellationToken ct = default)
    {
        var cells = new List<PreviewMatrixCell>(campaign.Variants.Count * samples.Count);
        for (var v = 0; v < campaign.Variants.Count; v++)
        {
            foreach (var sample in samples)
            {
                cells.Add(new PreviewMatrixCell(v, campaign.Variants[v].Name, sample.Name,
                    Render(campaign, v, channel, sample.Data, mode, ct)));
            }
        }
        return cells;
    }
}
