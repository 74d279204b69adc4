using BrazeLite.Core.Users;
using BrazeLite.Liquid;

namespace Dashboard.Approvals;

/// <summary>A changed template field of a proposed version, rendered before and after with the campaign's first sample payload.</summary>
public sealed record RenderedChange(string Field, string Before, string After);

/// <summary>Renders what an Approver compares: each changed message field of the live and the proposed version, as sent.</summary>
public sealed class RenderedChanges(ITemplateRenderer renderer, ISampleDataService samples)
{
    public async Task<IReadOnlyList<RenderedChange>> ForAsync(CampaignForm? live, CampaignForm proposed, CancellationToken ct = default)
    {
        var data = await SampleDataAsync(proposed.CampaignId, ct);
        var changes = new List<RenderedChange>();
        foreach (var variant in proposed.Variants)
        {
            foreach (var message in variant.Messages)
            {
                var before = live?.Variants.FirstOrDefault(v => v.Name == variant.Name)?.Messages.FirstOrDefault(m => m.Channel == message.Channel);
                foreach (var field in ChannelFields.For(message.Channel).Where(f => f.IsTemplate))
                {
                    var after = message[field] ?? "";
                    var was = before?[field] ?? "";
                    if (after == was)
                    {
                        continue;
                    }
                    changes.Add(new RenderedChange($"{variant.Name} › {ChannelInfo.Label(message.Channel)} › {field.Label}", Render(was, data), Render(after, data)));
                }
            }
        }
        return changes;
    }

    private string Render(string source, RenderData data)
    {
        if (source.Length == 0)
        {
            return "";
        }
        var rendered = renderer.Render(source, data, LiquidErrorMode.Lax, CancellationToken.None);
        return rendered.Errors.Count > 0 ? $"(does not render: {rendered.Errors[0].Message})" : rendered.Output;
    }

    private async Task<RenderData> SampleDataAsync(string? campaignId, CancellationToken ct)
    {
        if (campaignId is null)
        {
            return RenderData.None;
        }
        var saved = await samples.ListAsync(campaignId, ct);
        var payload = saved.Payloads.FirstOrDefault() is { } first ? Json.ToClr(Json.ParseObject(first.Json)) as IDictionary<string, object?> : null;
        var user = saved.Users.FirstOrDefault() is { } u ? SampleUsers.ToUserHash(u.Attributes, u.CustomAttributesJson) : null;
        return new RenderData(TriggerProperties: payload, User: user);
    }
}
