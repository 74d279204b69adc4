namespace BrazeLite.Core.Ingest;

/// <summary>Which door a send came through.</summary>
public enum DispatchKind
{
    /// <summary><c>POST /campaigns/trigger/send</c>.</summary>
    TriggerSend,

    /// <summary><c>POST /messages/send</c>.</summary>
    MessagesSend,

    /// <summary><c>POST /ajo/im/executions/unitary</c>.</summary>
    AjoExecution,

    /// <summary>A test send from the campaign editor.</summary>
    TestSend,
}
