using System.Text.RegularExpressions;

namespace BrazeLite.Liquid.Parsing;

/// <summary>Maps source offsets to 1-based line and column.</summary>
internal sealed class LineMap
{
    private readonly int[] _starts;

    public LineMap(string source)
    {
        _starts = new int[source.AsSpan().Count('\n') + 1];
        var line = 1;
        for (var i = source.IndexOf('\n'); i >= 0; i = source.IndexOf('\n', i + 1))
            _starts[line++] = i + 1;
    }

    public (int Line, int Column) Locate(int offset)
    {
        var idx = Array.BinarySearch(_starts, offset);
        if (idx < 0) idx = ~idx - 1;
        return (idx + 1, offset - _starts[idx] + 1);
    }
}
