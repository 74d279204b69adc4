namespace BrazeLite.Core.ApiKeys;

/// <summary>What a REST API key may call: Braze's permission names, one per endpoint.</summary>
public static class ApiPermissions
{
    public const string CampaignsTriggerSend = "campaigns.trigger.send";
    public const string MessagesSend = "messages.send";
    public const string UsersTrack = "users.track";
    public const string CampaignsList = "campaigns.list";
    public const string CampaignsDetails = "campaigns.details";
    public const string CampaignsDataSeries = "campaigns.data_series";
    public const string SendsIdCreate = "sends.id.create";
    public const string TemplatesPreview = "templates.preview";
    public const string ContentCardsRead = "content_cards.read";

    /// <summary>In configuration, grants every permission.</summary>
    public const string Every = "*";

    /// <summary>Every permission with what it allows, in the order the keys page lists them.</summary>
    public static IReadOnlyList<(string Name, string Allows)> All { get; } =
    [
        (CampaignsTriggerSend, "POST /campaigns/trigger/send and AJO's executions"),
        (MessagesSend, "POST /messages/send"),
        (UsersTrack, "POST /users/track"),
        (CampaignsList, "GET /campaigns/list"),
        (CampaignsDetails, "GET /campaigns/details"),
        (CampaignsDataSeries, "GET /campaigns/data_series"),
        (SendsIdCreate, "POST /sends/id/create"),
        (TemplatesPreview, "POST /api/preview"),
        (ContentCardsRead, "GET /content_cards/sync"),
    ];

    private static readonly HashSet<string> Names = All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string permission) => Names.Contains(permission);
}
