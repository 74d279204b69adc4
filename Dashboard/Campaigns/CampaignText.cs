using BrazeLite.Core.Text;

namespace Dashboard.Campaigns;

/// <summary>How the campaign pages put a campaign's settings into words: one sentence per setting, wherever it shows.</summary>
public static class CampaignText
{
    public const string ApiSummary =
        "Developers write the message in their own request to POST /messages/send; the dashboard only names the campaign, its channels and their IDs for reporting.";

    public const string ApiTriggeredSummary =
        "Marketers write the message copy, variants and delivery rules here; developers only call POST /campaigns/trigger/send with the recipients and the data the templates use.";

    public static string Label(CampaignType type) => type == CampaignType.Api ? "API" : "API-triggered";

    public static string MessageTypeExplanation(MessageType type) => type == MessageType.Transactional
        ? "Transactional: service messages such as a password reset or an order confirmation; every trigger sends by default."
        : "Marketing: promotional messages that need the user's consent and carry an opt-out.";

    /// <summary>"From launch, no end", "2026-12-24 09:00 UTC to 2026-12-26 00:00 UTC", ...</summary>
    public static string Schedule(DateTimeOffset? startsAt, DateTimeOffset? endsAt)
    {
        static string At(DateTimeOffset at) => $"{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
        return (startsAt, endsAt) switch
        {
            (null, null) => "From launch, with no end.",
            ({ } start, null) => $"From {At(start)}, with no end.",
            (null, { } end) => $"From launch until {At(end)}.",
            ({ } start, { } end) => $"From {At(start)} until {At(end)}.",
        };
    }

    public static string Reeligibility(Reeligibility reeligibility)
    {
        if (!reeligibility.Enabled)
        {
            return "Users receive this campaign once, however often it is triggered.";
        }
        if (reeligibility.Amount == 0)
        {
            return "Every trigger sends: users are re-eligible straight away.";
        }
        var window = Amount(reeligibility.Amount, reeligibility.Unit);
        return $"Users can receive this campaign again after {window}: at most once per {window}.";
    }

    public static string Amount(int amount, ReeligibilityUnit unit) => Words.Plural(amount, unit switch
    {
        ReeligibilityUnit.Minutes => "minute",
        ReeligibilityUnit.Hours => "hour",
        ReeligibilityUnit.Days => "day",
        ReeligibilityUnit.Weeks => "week",
        _ => "month",
    });

    public static string Deadline(int amount, DeadlineUnit unit) => Words.Plural(amount, unit == DeadlineUnit.Hours ? "hour" : "day");

    public static string ConversionEvent(ConversionEvent e)
    {
        var what = e.Type switch
        {
            ConversionEventType.StartsSession => e.AppIds.Count == 0
                ? "Starts a session in any app"
                : $"Starts a session in {string.Join(", ", e.AppIds)}",
            ConversionEventType.MakesPurchase => string.IsNullOrWhiteSpace(e.ProductName)
                ? "Makes any purchase"
                : $"Purchases “{e.ProductName}”",
            ConversionEventType.PerformsCustomEvent => string.IsNullOrWhiteSpace(e.EventName)
                ? "Performs a custom event (no event name yet)"
                : $"Performs the custom event “{e.EventName}”",
            _ => BrazeLite.Core.Campaigns.ConversionEvent.Label(e.Type),
        };
        return $"{what} within {Deadline(e.DeadlineAmount, e.DeadlineUnit)}";
    }

    public static string Channels(IEnumerable<Channel> channels) => string.Join(", ", channels.Select(ChannelInfo.Label));
}
