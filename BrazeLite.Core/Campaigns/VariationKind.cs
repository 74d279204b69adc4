namespace BrazeLite.Core.Campaigns;

/// <summary>What a message variation is: a variant's message for one channel, the control group, or an API campaign's channel.</summary>
public enum VariationKind
{
    Variant,
    Control,
    ApiChannel,
}
