using Microsoft.AspNetCore.Components;

namespace Dashboard.Campaigns.Editor;

/// <summary>Up to four conversion events, in order; the first is the primary one. Used by both campaign types.</summary>
public partial class ConversionEventsEditor
{
    [Parameter, EditorRequired] public required CampaignForm Form { get; set; }
    [Parameter, EditorRequired] public required EditorErrors Errors { get; set; }
    [Parameter] public EventCallback<string> Changed { get; set; }

    // The radio's choice while the product name is still empty.
    private readonly HashSet<ConversionEventForm> _namedProduct = [];

    private static string Path(int index, string field) => CampaignFields.ConversionEvent(index, field);

    /// <summary>The offered types, plus the event's own type when it is no longer offered so its problem stays visible.</summary>
    private IEnumerable<ConversionEventType> TypesFor(ConversionEventForm item)
    {
        var offered = CampaignFormEditing.OfferedEventTypes(Form);
        return offered.Contains(item.Type) ? offered : offered.Append(item.Type);
    }

    private bool IsNamedProduct(ConversionEventForm item) => _namedProduct.Contains(item) || !string.IsNullOrEmpty(item.ProductName);

    private void SetNamedProduct(ConversionEventForm item, bool named)
    {
        if (named)
        {
            _namedProduct.Add(item);
        }
        else
        {
            _namedProduct.Remove(item);
            item.ProductName = null;
        }
    }

    private static void SetType(ConversionEventForm item, ConversionEventType type)
    {
        item.Type = type;
        if (type != ConversionEventType.StartsSession)
        {
            item.AppIds = [];
        }
        if (type != ConversionEventType.MakesPurchase)
        {
            item.ProductName = null;
        }
        if (type != ConversionEventType.PerformsCustomEvent)
        {
            item.EventName = null;
        }
    }

    private static List<string> SplitIds(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private Task ChangeAsync(int index, Action apply)
    {
        apply();
        return Changed.InvokeAsync(CampaignFields.ConversionEvent(index, "").TrimEnd('.'));
    }

    // Indices shift, so every conversion event's messages show after a reorder.
    private Task ReorderAsync(Action apply)
    {
        apply();
        return Changed.InvokeAsync(CampaignFields.ConversionEvents);
    }

    private Task AddAsync() => ReorderAsync(() => CampaignFormEditing.AddConversionEvent(Form));
}
