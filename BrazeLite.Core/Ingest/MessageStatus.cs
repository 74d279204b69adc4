namespace BrazeLite.Core.Ingest;

/// <summary>What acceptance decided for one recipient and channel. Delivery moves accepted messages on from here.</summary>
public enum MessageStatus
{
    /// <summary>To be rendered and delivered.</summary>
    Accepted,

    /// <summary>In the control group: enrolled and counted, sent nothing.</summary>
    Control,

    /// <summary>Not sent, for the reason recorded with it (not re-eligible, unsubscribed, unknown user...).</summary>
    Skipped,

    /// <summary>A test send from the editor: delivered at once, never counted in results, never claimed by the dispatcher.</summary>
    Test,
}
