using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Data;

namespace BrazeLite.Core.Campaigns;

/// <summary>
/// Something a campaign owns that its duplicate must own too (the sample data), added by the feature that owns it:
/// campaigns know nothing of those features (decision 0001), and the copy is saved in the same transaction.
/// </summary>
public interface ICampaignCopyPart
{
    /// <summary>Adds to <paramref name="db"/> a copy of what campaign row <paramref name="sourceRowId"/> owns, owned by <paramref name="copy"/> (not saved yet).</summary>
    Task AddCopiesAsync(BrazeLiteDbContext db, int sourceRowId, CampaignEntity copy, CancellationToken ct);
}
