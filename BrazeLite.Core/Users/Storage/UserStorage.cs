namespace BrazeLite.Core.Users.Storage;

/// <summary>A stored user row read as a profile: the one mapping, for the ingest writer and the dispatcher alike.</summary>
public static class UserStorage
{
    public static UserProfile ToProfile(UserEntity row) => new()
    {
        RowId = row.Id,
        UserId = row.UserId,
        ExternalId = row.ExternalId,
        Email = row.Email,
        AliasName = row.AliasName,
        AliasLabel = row.AliasLabel,
        Attributes = Json.ParseObject(row.Attributes),
        CustomAttributes = Json.ParseObject(row.CustomAttributes),
        EmailSubscribe = row.EmailSubscribe is null ? null : SubscriptionStates.FromApi(row.EmailSubscribe),
        PushSubscribe = row.PushSubscribe is null ? null : SubscriptionStates.FromApi(row.PushSubscribe),
        SubscriptionGroups = Json.ParseObject(row.SubscriptionGroups)
            .ToDictionary(g => g.Key, g => g.Value?.GetValue<string>() == "subscribed", StringComparer.Ordinal),
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
    };
}
