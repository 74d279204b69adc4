using System.Security.Cryptography;
using System.Text;
using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// Which variant (or the control group) a user gets: a bucket from 0 to 99 derived from the campaign and the user,
/// sliced by the percentages in order (variants, then control). The same user keeps their variant while the split is
/// unchanged, and over many users each slice receives its share.
/// </summary>
public static class VariantAssigner
{
    public const int Buckets = 100;

    /// <summary>The user's bucket for this campaign, from 0 to 99.</summary>
    public static int Bucket(string campaignId, string userId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{campaignId}/{userId}"), hash);
        return (int)(BitConverter.ToUInt64(hash) % Buckets);
    }

    /// <summary>The variant the bucket falls in, or null for the control group.</summary>
    public static CampaignVariant? Assign(Campaign campaign, string userId)
    {
        var bucket = Bucket(campaign.CampaignId, userId);
        var end = 0;
        foreach (var variant in campaign.Variants)
        {
            end += variant.Percentage;
            if (bucket < end)
            {
                return variant;
            }
        }
        // The rest is the control group's (the rules make the percentages add up to 100).
        return campaign.Control is null ? campaign.Variants.LastOrDefault(v => v.Percentage > 0) : null;
    }
}
