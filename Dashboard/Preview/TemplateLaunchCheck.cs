using Dashboard.Campaigns;

namespace Dashboard.Preview;

/// <summary>A template that does not parse or render: which variant, channel and field, and the error.</summary>
public sealed record TemplateProblem(int VariantIndex, string VariantName, Channel Channel, string Field, string FieldLabel, PreviewDiagnostic Error)
{
    /// <summary>"Variant A, Email, Subject: unknown filter `upcas` at line 1, column 12".</summary>
    public override string ToString() =>
        $"{VariantName}, {ChannelInfo.Label(Channel)}, {MessageDiagnostics.Describe(FieldLabel, Error)}";
}

/// <summary>
/// What stops a launch on the template side: every template of every variant of an API-triggered campaign must parse
/// and render without errors against the sample data picked in the editor.
/// </summary>
public sealed class TemplateLaunchCheck(PreviewRenderer renderer, PreviewSessions sessions, ISampleDataService samples)
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
        return Check(form, session.Data, ct);
    }

    public IReadOnlyList<TemplateProblem> Check(CampaignForm form, PreviewData data, CancellationToken ct = default)
    {
        if (form.Type != CampaignType.ApiTriggered)
        {
            return [];
        }
        var problems = new List<TemplateProblem>();
        for (var v = 0; v < form.Variants.Count; v++)
        {
            foreach (var channel in form.Channels.Select(c => c.Channel))
            {
                var preview = renderer.Render(form, v, channel, data, PreviewErrorMode.Strict, ct);
                foreach (var field in preview.Fields)
                {
                    problems.AddRange(field.Result.Errors.Select(e =>
                        new TemplateProblem(v, form.Variants[v].Name, channel, field.Field, field.Label, e)));
                }
            }
        }
        return problems;
    }
}
