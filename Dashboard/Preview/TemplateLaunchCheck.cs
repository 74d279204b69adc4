using BrazeLite.Liquid.Braze;

namespace Dashboard.Preview;

/// <summary>A template that does not render: which variant, channel and field, and the error.</summary>
public sealed record TemplateProblem(int VariantIndex, string VariantName, Channel Channel, string Field, string FieldLabel, RenderDiagnostic Error)
{
    /// <summary>"Variant A, Email, Subject: unknown filter `upcas` at line 1, column 12".</summary>
    public override string ToString() =>
        $"{VariantName}, {ChannelInfo.Label(Channel)}, {MessageDiagnostics.Describe(FieldLabel, Error)}";
}

/// <summary>
/// The editor's extra launch check on top of the service's (every template parses): every template of every variant
/// must also render without errors against the sample data picked in the editor.
/// </summary>
public sealed class TemplateLaunchCheck(MessageRenderer renderer, PreviewSessions sessions, ISampleDataService samples)
{
    /// <summary>
    /// The problems of <paramref name="form"/> against the sample data picked for it in this circuit; when none was
    /// picked yet (the messages step was not opened), against the campaign's first saved payload and user.
    /// </summary>
    public async Task<IReadOnlyList<TemplateProblem>> CheckAsync(CampaignForm form, CancellationToken ct = default)
    {
        if (form.Type != CampaignType.ApiTriggered)
        {
            return [];
        }
        var session = sessions.For(form);
        if (!session.Loaded && form.CampaignId is { } id)
        {
            session.SetSamples(await samples.ListAsync(id, ct));
        }
        var data = session.Data;
        // Rendering every variant of every channel is CPU work: keep it off the circuit's thread.
        return await Task.Run(() => Check(form, data, ct), ct);
    }

    public IReadOnlyList<TemplateProblem> Check(CampaignForm form, RenderData data, CancellationToken ct = default)
    {
        if (form.Type != CampaignType.ApiTriggered)
        {
            return [];
        }
        var campaign = CampaignForms.ToCampaign(form);
        var problems = new List<TemplateProblem>();
        foreach (var variant in campaign.Variants)
        {
            foreach (var channel in campaign.Channels)
            {
                var message = variant.MessageFor(channel) ?? ChannelMessage.Empty(channel);
                var rendered = renderer.Render(message, data with { Campaign = new BrazeCampaign(form.CampaignId, campaign.Name, variant.Name) },
                    LiquidErrorMode.Strict, ct);
                foreach (var field in rendered.Fields)
                {
                    problems.AddRange(field.Result.Errors.Select(e => new TemplateProblem(variant.Index, variant.Name, channel, field.Field, field.Label, e)));
                }
            }
        }
        return problems;
    }
}
