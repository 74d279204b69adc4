using System.Text.Json;
using System.Text.Json.Nodes;
using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Users;

/// <summary>
/// A profile's push tokens: <c>/users/track</c> attributes take <c>"push_tokens": [{"token": "...", "platform": "android",
/// "device_id": "..."}]</c> (Braze tells the platform by app; BrazeLite has no apps, so the platform is named). A token
/// given again replaces its entry; <c>"remove": true</c> drops it. Kept in the profile's attributes, not shown to templates.
/// </summary>
public static class PushTokens
{
    public const int MaxPerUser = 20;

    private static readonly Dictionary<string, Channel> Platforms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ios"] = Channel.ApplePush,
        ["android"] = Channel.AndroidPush,
        ["kindle"] = Channel.KindlePush,
        ["web"] = Channel.WebPush,
    };

    /// <summary>The tokens <paramref name="user"/> has on <paramref name="channel"/>'s platform, newest last.</summary>
    public static IReadOnlyList<string> For(UserProfile? user, Channel channel)
    {
        if (user?.Attributes[StandardAttributes.PushTokens] is not JsonArray tokens)
        {
            return [];
        }
        return tokens.OfType<JsonObject>()
            .Where(t => Platforms.TryGetValue(t["platform"]?.GetValue<string>() ?? "", out var c) && c == channel)
            .Select(t => t["token"]!.GetValue<string>())
            .ToList();
    }

    internal static void Apply(UserProfile profile, JsonNode? value, List<string> problems)
    {
        const string key = StandardAttributes.PushTokens;
        if (value is not JsonArray given)
        {
            problems.Add($"{key}: must be an array of {{\"token\", \"platform\"}} objects.");
            return;
        }
        var stored = profile.Attributes[key] as JsonArray ?? [];
        var kept = stored.OfType<JsonObject>().Select(t => (JsonObject)t.DeepClone()).ToList();
        for (var i = 0; i < given.Count; i++)
        {
            if (given[i] is not JsonObject item || item["token"] is not JsonValue t || t.GetValueKind() != JsonValueKind.String
                || t.GetValue<string>().Trim().Length is 0 or > 4096)
            {
                problems.Add($"{key}[{i}]: needs a token (a string of at most 4,096 characters).");
                continue;
            }
            var token = t.GetValue<string>().Trim();
            kept.RemoveAll(k => k["token"]?.GetValue<string>() == token);
            if (item["remove"] is JsonValue r && r.GetValueKind() == JsonValueKind.True)
            {
                continue;
            }
            var platform = item["platform"] is JsonValue p && p.GetValueKind() == JsonValueKind.String ? p.GetValue<string>() : null;
            if (platform is null || !Platforms.ContainsKey(platform))
            {
                problems.Add($"{key}[{i}]: platform must be one of ios, android, kindle, web.");
                continue;
            }
            var entry = new JsonObject { ["token"] = token, ["platform"] = platform.ToLowerInvariant() };
            if (item["device_id"] is JsonValue d && d.GetValueKind() == JsonValueKind.String)
            {
                entry["device_id"] = d.GetValue<string>();
            }
            kept.Add(entry);
        }
        if (kept.Count > MaxPerUser)
        {
            kept.RemoveRange(0, kept.Count - MaxPerUser); // the oldest go first
        }
        profile.Attributes[key] = new JsonArray([.. kept]);
    }
}
