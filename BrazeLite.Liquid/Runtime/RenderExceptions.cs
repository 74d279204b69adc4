using System.Text;

namespace BrazeLite.Liquid.Runtime;

/// <summary>A render error at a position; <see cref="Fatal"/> ones (limits, deadline) always stop the render.</summary>
/// <remarks>
/// <c>rubyDescription</c> is Ruby Liquid's words for the error when they differ from <c>description</c> (which may say
/// more, for the dashboard): it is what a render with inline errors writes.
/// </remarks>
internal sealed class LiquidRenderException(string description, int line, int column, string? source, bool fatal = false, string? rubyDescription = null)
    : Exception(description)
{
    public string Description { get; } = description;
    public string RubyDescription { get; } = rubyDescription ?? description;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string? Partial { get; } = source;
    public bool Fatal { get; } = fatal;

    /// <summary>Where Ruby places a partial's syntax error: the partial and the line in it (null for other errors).</summary>
    public (string Partial, int Line)? SyntaxErrorIn { get; init; }

    public LiquidDiagnostic ToDiagnostic() => Diagnostics.Create("Liquid error: " + Description, Line, Column, Partial);

    /// <summary>
    /// The error as Ruby Liquid writes it into the output: <c>Liquid error (line 3): divided by 0</c>, with the partial's
    /// name before the line when the error is in one (<c>Liquid error (footer line 2): ...</c>); without line numbers
    /// <c>Liquid error: divided by 0</c>.
    /// </summary>
    public string InlineText(bool lineNumbers)
    {
        var (kind, partial, line) = SyntaxErrorIn is { } s ? ("Liquid syntax error", s.Partial, s.Line) : ("Liquid error", Partial, Line);
        if (!lineNumbers) return $"{kind}: {RubyDescription}";
        return partial is null ? $"{kind} (line {line}): {RubyDescription}" : $"{kind} ({partial} line {line}): {RubyDescription}";
    }
}

internal sealed class LiquidAbortException(string? reason) : Exception(reason ?? "aborted")
{
    public string? Reason { get; } = reason;
}
