namespace BrazeLite.Core.Campaigns;

public enum ConversionEventType
{
    StartsSession,
    MakesPurchase,
    PerformsCustomEvent,
    UpgradesApp,
    OpensEmail,
    ClicksEmail,
}
