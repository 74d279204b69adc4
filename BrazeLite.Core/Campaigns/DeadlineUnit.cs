namespace BrazeLite.Core.Campaigns;

public enum DeadlineUnit
{
    Hours,
    Days,
}
