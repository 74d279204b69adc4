using BrazeLite.Liquid.Braze;

namespace BrazeLite.Core.Templates;

/// <summary>
/// What a message is rendered with, all in the Liquid value model: the trigger properties, the user (Braze's
/// <c>attributes</c> object, see <see cref="BrazeVariables.Build"/>), the event's properties, extra variables, partials,
/// the campaign, and how <c>connected_content</c> is answered (sample responses in a preview).
/// </summary>
public sealed record RenderData(
    IDictionary<string, object?>? TriggerProperties = null,
    IDictionary<string, object?>? User = null,
    IDictionary<string, object?>? EventProperties = null,
    IDictionary<string, object?>? Variables = null,
    IReadOnlyDictionary<string, string>? Partials = null,
    BrazeCampaign? Campaign = null)
{
    public static readonly RenderData None = new();

    /// <summary>Answers <c>connected_content</c>; by default no call is made and each one warns.</summary>
    public IConnectedContentResolver ConnectedContent { get; init; } = SampleConnectedContent.None;

    /// <summary>The render's top-level variables, built as every render builds them.</summary>
    public Dictionary<string, object?> ToVariables() =>
        BrazeVariables.Build(User, TriggerProperties, EventProperties, Campaign, Variables);
}
