namespace BrazeLite.Core.Campaigns.Storage;

/// <summary>
/// The JSON document of one variation's message: its fields by catalogue key (<see cref="ChannelField.Key"/>), so a new
/// field needs no change here, and a webhook's headers.
/// </summary>
public sealed class StoredMessage
{
    public Dictionary<string, string?> Fields { get; set; } = new(StringComparer.Ordinal);

    public List<StoredHeader>? Headers { get; set; }
}

public sealed class StoredHeader
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}
