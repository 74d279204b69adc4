namespace BrazeLite.Core.Campaigns;

/// <summary>Users who receive nothing but are counted, so their conversions compare with the variants'.</summary>
public sealed record ControlGroup(string VariationId, int Percentage)
{
    public const string Name = "Control group";
}
