using System.Text.RegularExpressions;

namespace BrazeLite.Liquid.Parsing;

internal sealed class LiquidSyntaxException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}
