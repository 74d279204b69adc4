namespace BrazeLite.Core.Campaigns;

public sealed class HeaderForm
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}
