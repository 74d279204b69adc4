namespace BrazeLite.Liquid.Braze;

/// <summary>The campaign a message renders for, read by templates as <c>campaign.${api_id}</c>, <c>campaign.${name}</c> and so on.</summary>
/// <param name="ApiId">The Campaign API identifier.</param>
/// <param name="Name">The campaign's name.</param>
/// <param name="MessageName">The variant's name.</param>
/// <param name="DispatchId">The send's dispatch ID; before a send, what Braze shows then.</param>
public sealed record BrazeCampaign(string? ApiId, string Name, string? MessageName, string DispatchId = BrazeVariables.UnsentDispatchId);
