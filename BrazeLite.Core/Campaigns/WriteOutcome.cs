namespace BrazeLite.Core.Campaigns;

/// <summary>How a write ended. Expected failures are outcomes, never exceptions.</summary>
public enum WriteOutcome
{
    Done,
    Invalid,
    Conflict,
    NotFound,
    NotAllowed,
}
