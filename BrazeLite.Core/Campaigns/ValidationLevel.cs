namespace BrazeLite.Core.Campaigns;

/// <summary>How complete a campaign must be: a draft may be unfinished, a launched campaign may not.</summary>
public enum ValidationLevel
{
    Draft,
    Launch,
}
