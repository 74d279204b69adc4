using System.Text.Json;
using System.Text.Json.Serialization;

namespace BrazeLite.Core.Campaigns.Storage;

/// <summary>Copies between the read model (<see cref="Campaign"/>) and the stored rows.</summary>
internal static class CampaignStorage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static List<Channel> ReadChannels(string json) => Deserialize<List<Channel>>(json);

    /// <summary>The campaign with its <see cref="CampaignEntity.Variations"/> (loaded with it).</summary>
    public static Campaign ToCampaign(CampaignEntity e)
    {
        var channels = ReadChannels(e.Channels);
        var rows = e.Variations.OrderBy(v => v.SortOrder).ThenBy(v => v.Channel is { } ch ? channels.IndexOf(ch) : -1).ToList();
        var control = rows.FirstOrDefault(r => r.Kind == VariationKind.Control);
        return new Campaign
        {
            CampaignId = e.CampaignId,
            Version = e.Version,
            Type = e.Type,
            Status = e.Status,
            Name = e.Name,
            Description = e.Description,
            Tags = Deserialize<List<string>>(e.Tags),
            MessageType = e.MessageType,
            Channels = channels,
            Variants = rows.Where(r => r.Kind == VariationKind.Variant)
                .GroupBy(r => r.SortOrder)
                .Select(g => new CampaignVariant(g.Key, g.First().Name, g.First().Percentage,
                    g.Where(r => r.Channel is { } ch && channels.Contains(ch))
                        .Select(r => ReadMessage(r.Channel!.Value, r.Message, r.VariationId))
                        .ToList()))
                .ToList(),
            Control = control is { VariationId: { } controlId } ? new ControlGroup(controlId, control.Percentage) : null,
            ApiChannels = rows.Where(r => r is { Kind: VariationKind.ApiChannel, Channel: not null, VariationId: not null })
                .Select(r => new ApiChannel(r.Channel!.Value, r.VariationId!))
                .ToList(),
            Reeligibility = new Reeligibility(e.ReeligibilityEnabled, e.ReeligibilityAmount, e.ReeligibilityUnit),
            StartsAt = e.StartsAt,
            EndsAt = e.EndsAt,
            CreateNewProfiles = e.CreateNewProfiles,
            ThrottlePerSecond = e.ThrottlePerSecond,
            ConversionEvents = Deserialize<List<StoredConversionEvent>>(e.ConversionEvents)
                .Select(c => new ConversionEvent(c.Type, c.AppIds ?? [], c.ProductName, c.EventName, c.DeadlineAmount, c.DeadlineUnit))
                .ToList(),
            EverLaunched = e.EverLaunched,
            CreatedAt = e.CreatedAt,
            UpdatedAt = e.UpdatedAt,
        };
    }

    /// <summary>
    /// Writes the campaign's content onto the entity and its variation rows. Rows are matched by their
    /// <c>message_variation_id</c> (a draft variant without channels by its place), so a kept variation keeps its row.
    /// </summary>
    public static void Apply(Campaign c, CampaignEntity entity)
    {
        entity.Name = c.Name;
        entity.NormalizedName = CampaignForms.NormalizeName(c.Name);
        entity.Type = c.Type;
        entity.Description = c.Description;
        entity.Tags = Serialize(c.Tags);
        entity.MessageType = c.MessageType;
        entity.Channels = Serialize(c.Channels);
        entity.ReeligibilityEnabled = c.Reeligibility.Enabled;
        entity.ReeligibilityAmount = c.Reeligibility.Enabled ? c.Reeligibility.Amount : 0;
        entity.ReeligibilityUnit = c.Reeligibility.Unit;
        entity.StartsAt = c.StartsAt;
        entity.EndsAt = c.EndsAt;
        entity.CreateNewProfiles = c.CreateNewProfiles;
        entity.ThrottlePerSecond = c.ThrottlePerSecond;
        entity.ConversionEvents = Serialize(c.ConversionEvents.Select(e => new StoredConversionEvent
        {
            Type = e.Type,
            AppIds = e.AppIds.Count > 0 ? [.. e.AppIds] : null,
            ProductName = e.ProductName,
            EventName = e.EventName,
            DeadlineAmount = e.DeadlineAmount,
            DeadlineUnit = e.DeadlineUnit,
        }).ToList());

        var wanted = Rows(c).ToList();
        var existing = entity.Variations;
        CampaignVariationEntity? Match(CampaignVariationEntity row) => row.VariationId is { } id
            ? existing.FirstOrDefault(e => e.VariationId == id)
            : existing.FirstOrDefault(e => e.VariationId is null && e.Kind == row.Kind && e.SortOrder == row.SortOrder);
        var kept = new HashSet<CampaignVariationEntity>();
        foreach (var row in wanted)
        {
            if (Match(row) is { } match && kept.Add(match))
            {
                match.Kind = row.Kind;
                match.Channel = row.Channel;
                match.Name = row.Name;
                match.Percentage = row.Percentage;
                match.SortOrder = row.SortOrder;
                match.Message = row.Message;
            }
            else
            {
                existing.Add(row);
                kept.Add(row);
            }
        }
        existing.RemoveAll(e => !kept.Contains(e));
    }

    private static IEnumerable<CampaignVariationEntity> Rows(Campaign c)
    {
        foreach (var variant in c.Variants)
        {
            if (variant.Messages.Count == 0)
            {
                yield return new CampaignVariationEntity { Kind = VariationKind.Variant, Name = variant.Name, Percentage = variant.Percentage, SortOrder = variant.Index };
            }
            foreach (var message in variant.Messages)
            {
                yield return new CampaignVariationEntity
                {
                    VariationId = message.MessageVariationId,
                    Kind = VariationKind.Variant,
                    Channel = message.Channel,
                    Name = variant.Name,
                    Percentage = variant.Percentage,
                    SortOrder = variant.Index,
                    Message = WriteMessage(message),
                };
            }
        }
        if (c.Control is { } control)
        {
            yield return new CampaignVariationEntity
            {
                VariationId = control.VariationId,
                Kind = VariationKind.Control,
                Name = ControlGroup.Name,
                Percentage = control.Percentage,
                SortOrder = c.Variants.Count,
            };
        }
        for (var i = 0; i < c.ApiChannels.Count; i++)
        {
            var channel = c.ApiChannels[i];
            yield return new CampaignVariationEntity
            {
                VariationId = channel.MessageVariationId,
                Kind = VariationKind.ApiChannel,
                Channel = channel.Channel,
                Name = ChannelInfo.Label(channel.Channel),
                SortOrder = i,
            };
        }
    }

    private static string WriteMessage(ChannelMessage m) => Serialize(new StoredMessage
    {
        Fields = m.Values.ToDictionary(v => v.Key, string? (v) => v.Value, StringComparer.Ordinal),
        Headers = m is WebhookMessage { Headers.Count: > 0 } w ? w.Headers.Select(h => new StoredHeader { Name = h.Name, Value = h.Value }).ToList() : null,
    });

    private static ChannelMessage ReadMessage(Channel channel, string? json, string? variationId)
    {
        var stored = json is null ? new StoredMessage() : Deserialize<StoredMessage>(json);
        return ChannelMessage.Create(channel, stored.Fields, stored.Headers?.Select(h => new WebhookHeader(h.Name, h.Value)), variationId);
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static IReadOnlyList<string> ReadTags(string json) => Deserialize<List<string>>(json);

    /// <summary>A tag as its stored array holds it, quotes included: what a stored <c>Tags</c> text contains when it has the tag.</summary>
    public static string TagElement(string tag) => Serialize(tag);

    /// <summary>Text as the stored tags write it (escaped, without quotes), for a substring search.</summary>
    public static string TagText(string text) => Serialize(text)[1..^1];

    private static T Deserialize<T>(string json) where T : new() =>
        string.IsNullOrEmpty(json) ? new T() : JsonSerializer.Deserialize<T>(json, Json) ?? new T();
}
