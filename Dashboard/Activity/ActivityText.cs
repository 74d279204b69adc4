using System.Globalization;
using BrazeLite.Core.Activity;
using BrazeLite.Core.Campaigns;
using MudBlazor;

namespace Dashboard.Activity;

/// <summary>How the activity log words and colours its entries.</summary>
public static class ActivityText
{
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Status(ActivityStatus status) => status switch
    {
        ActivityStatus.Accepted => "Accepted",
        ActivityStatus.Skipped => "Skipped",
        ActivityStatus.Control => "Control",
        ActivityStatus.Test => "Test send",
        _ => "Rejected",
    };

    public static Color Colour(ActivityStatus status) => status switch
    {
        ActivityStatus.Accepted => Color.Success,
        ActivityStatus.Skipped => Color.Warning,
        ActivityStatus.Control => Color.Info,
        ActivityStatus.Test => Color.Secondary,
        _ => Color.Error,
    };

    public static string Channel(Channel? channel) => channel is { } c ? ChannelInfo.Label(c) : "—";

    /// <summary>The activity log's address with these filters, for links from the campaign and user pages.</summary>
    public static string Link(string? campaignId = null, string? user = null, string? dispatchId = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("campaign", campaignId);
        Add("user", user);
        Add("dispatch", dispatchId);
        return parts.Count == 0 ? "/activity" : "/activity?" + string.Join("&", parts);
    }
}
