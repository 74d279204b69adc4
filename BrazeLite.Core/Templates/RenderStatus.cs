namespace BrazeLite.Core.Templates;

/// <summary>A render's state, worst last: an error beats an abort, which beats missing variables.</summary>
public enum RenderStatus
{
    Ok,
    MissingVariables,
    Aborted,
    Error,
}
