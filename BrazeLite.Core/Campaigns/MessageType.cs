namespace BrazeLite.Core.Campaigns;

/// <summary>An API-triggered campaign's kind: marketing needs consent, transactional does not.</summary>
public enum MessageType
{
    Marketing,
    Transactional,
}
