using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Exports;

/// <summary>One UTC day of a campaign's results, as <c>GET /campaigns/data_series</c> reports it.</summary>
/// <param name="Day">The day (UTC).</param>
/// <param name="UniqueRecipients">Users sent at least one message that day (the control group is not sent any).</param>
/// <param name="Variations">Every variation of the campaign, including those with nothing that day.</param>
public sealed record CampaignDay(DateOnly Day, int UniqueRecipients, IReadOnlyList<VariationDay> Variations);

/// <summary>
/// A variation's results on one day. <paramref name="Sent"/>: accepted messages not stopped by <c>abort_message</c>;
/// <paramref name="Delivered"/>: a provider took them; <paramref name="Failed"/>: delivery failed for good;
/// <paramref name="Enrolled"/>: control-group users enrolled (sent nothing).
/// </summary>
public sealed record VariationDay(Variation Variation, int Sent, int Delivered, int Failed, int Enrolled);
