namespace BrazeLite.Core.Campaigns;

public enum ReeligibilityUnit
{
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
}
