namespace BrazeLite.Core.Samples;

/// <summary>A saved sample <c>trigger_properties</c> payload, its JSON text as the marketer typed it.</summary>
public sealed record SamplePayload(int Id, string Name, string Json, Guid Version)
{
    /// <summary>The payload parsed for a render (empty when the saved text is not a JSON object).</summary>
    public SamplePayloadResult Parse() => SamplePayloads.Parse(Json);
}
