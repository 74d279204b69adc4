using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrazeLite.Core.Campaigns;
using BrazeLite.Liquid;

namespace BrazeLite.Core.Samples;

/// <summary>A fault in JSON text typed by a marketer, with a 1-based line and column (UTF-16 characters).</summary>
public sealed record JsonTextError(string Message, int Line, int Column)
{
    public override string ToString() => $"Line {Line}, column {Column}: {Message}";
}
