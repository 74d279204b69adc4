using System.Text;

namespace BrazeLite.Liquid.Runtime;

/// <summary>A render error at a position; <see cref="Fatal"/> ones (limits, deadline) always stop the render.</summary>
internal sealed class LiquidRenderException(string description, int line, int column, string? source, bool fatal = false)
    : Exception(description)
{
    public string Description { get; } = description;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string? Partial { get; } = source;
    public bool Fatal { get; } = fatal;

    public LiquidDiagnostic ToDiagnostic() => Diagnostics.Create("Liquid error: " + Description, Line, Column, Partial);
}

internal sealed class LiquidAbortException(string? reason) : Exception(reason ?? "aborted")
{
    public string? Reason { get; } = reason;
}
