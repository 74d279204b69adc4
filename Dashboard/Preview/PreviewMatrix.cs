namespace Dashboard.Preview;

/// <summary>A named set of sample data (a saved payload and sample user) for the variant × sample matrix.</summary>
public sealed record PreviewSample(string Name, RenderData Data);

/// <summary>One cell of the matrix: a variant rendered against a sample.</summary>
public sealed record PreviewMatrixCell(int VariantIndex, string VariantName, string SampleName, RenderedMessage Preview)
{
    public RenderStatus Status => Preview.Status;
}

/// <summary>Every variant of a campaign against every sample, for one channel: the preview matrix.</summary>
public static class PreviewMatrix
{
    /// <summary>Variant by variant, samples in the order given.</summary>
    public static IReadOnlyList<PreviewMatrixCell> Render(MessageRenderer renderer, Campaign campaign, Channel channel,
        IReadOnlyList<PreviewSample> samples, CancellationToken ct = default)
    {
        var cells = new List<PreviewMatrixCell>(campaign.Variants.Count * samples.Count);
        foreach (var variant in campaign.Variants)
        {
            foreach (var sample in samples)
            {
                cells.Add(new PreviewMatrixCell(variant.Index, variant.Name, sample.Name,
                    renderer.Render(campaign, variant, channel, sample.Data, LiquidErrorMode.Strict, ct)));
            }
        }
        return cells;
    }

    /// <summary>Each payload with each user ("Mug order · Ana"); just the payloads when there are no users.</summary>
    public static IReadOnlyList<PreviewSample> Samples(CampaignSamples samples)
    {
        var payloads = samples.Payloads.Count > 0
            ? samples.Payloads.Select(p => (p.Name, Hash: p.Parse().Hash)).ToList()
            : [("Empty payload", new Dictionary<string, object?>(StringComparer.Ordinal))];
        // Every cell uses the first saved connected_content responses, so rows differ only by payload and user.
        var responses = samples.ConnectedContent.Count > 0 ? ConnectedContentResponses.Read(samples.ConnectedContent[0].Json, out _) : null;
        var connectedContent = responses is null ? SampleConnectedContent.None : new SampleConnectedContent(responses);
        if (samples.Users.Count == 0)
        {
            return payloads.Select(p => new PreviewSample(p.Name, new RenderData(p.Hash) { ConnectedContent = connectedContent })).ToList();
        }
        return payloads
            .SelectMany(p => samples.Users.Select(u =>
                new PreviewSample($"{p.Name} · {u.Name}", new RenderData(p.Hash, u.ToUserHash()) { ConnectedContent = connectedContent })))
            .ToList();
    }
}
