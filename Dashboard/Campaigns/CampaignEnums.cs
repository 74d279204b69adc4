namespace Dashboard.Campaigns;

public enum CampaignType
{
    Api,
    ApiTriggered,
}

public enum CampaignStatus
{
    Draft,
    Active,
    Stopped,
    Archived,
}

/// <summary>The lifecycle actions a marketer can take on a campaign.</summary>
public enum CampaignAction
{
    Launch,
    Stop,
    Resume,
    Archive,
    Unarchive,
}

public enum Channel
{
    ApplePush,
    AndroidPush,
    KindlePush,
    WebPush,
    Email,
    Sms,
    Webhook,
    ContentCard,
}

public enum MessageType
{
    Marketing,
    Transactional,
}

public enum ReeligibilityUnit
{
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
}

public enum ConversionEventType
{
    StartsSession,
    MakesPurchase,
    PerformsCustomEvent,
    UpgradesApp,
    OpensEmail,
    ClicksEmail,
}

public enum DeadlineUnit
{
    Hours,
    Days,
}

public enum ContentCardType
{
    Classic,
    CaptionedImage,
    Banner,
}
