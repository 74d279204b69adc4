using System.Text;

namespace BrazeLite.Liquid.Runtime;

internal static class Diagnostics
{
    public static LiquidDiagnostic Create(string description, int line, int column, string? source, string? suffix = null)
    {
        var where = source is null ? $" at line {line}, column {column}" : $" at line {line}, column {column} in '{source}'";
        return new LiquidDiagnostic(description + where + suffix, line, column, source);
    }
}
