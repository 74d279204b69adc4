namespace BrazeLite.Core.Campaigns;

/// <summary>The fields of an SMS or MMS message.</summary>
public static class SmsFields
{
    public static readonly ChannelField SubscriptionGroupId = new()
    {
        Key = "subscription_group_id", Label = "Subscription group ID", ApiKey = "subscription_group_id", InDashboard = false,
        RequiredInApi = true, Placeholder = "YOUR-SUBSCRIPTION-GROUP-ID",
    };

    public static readonly ChannelField AppId = new()
    {
        Key = "app_id", Label = "App ID", ApiKey = "app_id", InDashboard = false, RequiredInApi = true, Placeholder = "YOUR-APP-ID",
    };

    public static readonly ChannelField Body = new()
    {
        Key = "sms_body", Label = "Body", ApiKey = "body", IsTemplate = true, RequiredAtLaunch = true, RequiredInApi = true,
        Placeholder = "YOUR SMS BODY",
    };

    public static readonly ChannelField MediaUrl = new()
    {
        Key = "media_url", Label = "Media URL", IsTemplate = true, Format = FieldFormat.HttpUrl,
        FormatMessage = "The media URL must start with http:// or https://.",
    };

    public static readonly IReadOnlyList<ChannelField> All = [SubscriptionGroupId, AppId, Body, MediaUrl];
}
