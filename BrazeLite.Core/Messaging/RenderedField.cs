using BrazeLite.Core.Templates;

namespace BrazeLite.Core.Messaging;

/// <summary>One templated field of a message rendered: its key, label, source and result.</summary>
public sealed record RenderedField(string Field, string Label, string Source, RenderedTemplate Result)
{
    public RenderStatus Status => Result.Status;
}
