using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrazeLite.Core.Campaigns;
using BrazeLite.Liquid;

namespace BrazeLite.Core.Samples;

/// <summary>A parsed sample payload: the value in the Liquid value model, or the error. The caller keeps the text typed.</summary>
public sealed record SamplePayloadResult(object? Value, JsonTextError? Error)
{
    public bool IsValid => Error is null;

    /// <summary>The payload as a Liquid hash; empty when the text did not parse.</summary>
    public IDictionary<string, object?> Hash =>
        Value as IDictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal);
}
