namespace BrazeLite.Core.Samples;

/// <summary>A sample payload being created (<see cref="Id"/> null) or edited.</summary>
public sealed class SamplePayloadForm
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string Json { get; set; } = "{\n}";
    public Guid? Version { get; set; }

    public static SamplePayloadForm From(SamplePayload payload) =>
        new() { Id = payload.Id, Name = payload.Name, Json = payload.Json, Version = payload.Version };
}
