using System.Globalization;
using BrazeLite.Core.Delivery;
using MudBlazor;

namespace Dashboard.Delivery;

/// <summary>How the dashboard words and colours a message's delivery.</summary>
public static class DeliveryText
{
    public static Color Colour(string? label) => label switch
    {
        "Delivered" => Color.Success,
        "Captured" => Color.Info,
        "Failed" => Color.Error,
        "Aborted" => Color.Warning,
        "Retrying" => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>What the state means, in a sentence for a tooltip or the message page.</summary>
    public static string Explain(string? label) => label switch
    {
        DeliveryStates.Queued => "Accepted and waiting for the dispatcher.",
        "Sending" => "Being rendered and handed to the provider.",
        "Retrying" => "The provider failed for now; another attempt is due.",
        "Throttled" => "Waiting for its turn under the campaign's delivery pace.",
        "Delivered" => "The provider accepted it.",
        "Captured" => "Kept in the Test inbox: the channel is not configured, so nothing left BrazeLite.",
        "Failed" => "Not delivered.",
        "Aborted" => "abort_message stopped it: not sent, not counted as sent.",
        _ => "",
    };

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
