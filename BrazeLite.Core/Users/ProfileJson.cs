using System.Text.Json.Nodes;

namespace BrazeLite.Core.Users;

/// <summary>A profile's JSON columns as stored: its attributes, custom attributes and subscription groups.</summary>
public sealed record ProfileJson(string Attributes, string CustomAttributes, string SubscriptionGroups)
{
    public static ProfileJson Of(UserProfile profile)
    {
        var groups = new JsonObject();
        foreach (var (id, subscribed) in profile.SubscriptionGroups)
        {
            groups[id] = subscribed ? "subscribed" : "unsubscribed";
        }
        return new ProfileJson(Json.Write(profile.Attributes), Json.Write(profile.CustomAttributes), Json.Write(groups));
    }
}
