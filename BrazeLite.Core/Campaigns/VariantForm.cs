namespace BrazeLite.Core.Campaigns;

public sealed class VariantForm
{
    public string Name { get; set; } = "";
    public int Percentage { get; set; }

    /// <summary>The variant's copy, one entry per campaign channel, each with its own message variation ID.</summary>
    public List<MessageContentForm> Messages { get; set; } = [];
}
