namespace BrazeLite.Core.Ingest;

/// <summary>Braze's limits on a send request; the API and the tables read them here.</summary>
public static class SendLimits
{
    public const int MaxRecipients = 50;
    public const int MaxTriggerPropertiesBytes = 50 * 1024;
    public const int MaxSendIdLength = 64;
    public const int MaxIdempotencyKeyLength = 255;

    /// <summary>AJO: recipients per unitary execution.</summary>
    public const int MaxAjoRecipients = 20;

    public const int MaxRequestIdLength = 255;

    /// <summary>AJO: the context payload per recipient.</summary>
    public const int MaxAjoContextBytes = 200 * 1024;
}
