namespace BrazeLite.Core.Users;

/// <summary>How a request names a user.</summary>
public enum UserKeyKind
{
    ExternalId,
    Email,
    Alias,
    BrazeId,
}

/// <summary>A user as a request names them: an external ID, an email, an alias (label and name) or a braze_id.</summary>
public sealed record UserKey(UserKeyKind Kind, string Value, string? Label = null)
{
    public static UserKey External(string id) => new(UserKeyKind.ExternalId, id);

    public static UserKey ByEmail(string email) => new(UserKeyKind.Email, email.Trim().ToLowerInvariant());

    public static UserKey Alias(string label, string name) => new(UserKeyKind.Alias, name, label);

    /// <summary>As the activity log shows it: <c>external_user_id:u-1</c>, <c>email:ana@example.com</c>, <c>alias:label/name</c>.</summary>
    public override string ToString() => Kind switch
    {
        UserKeyKind.ExternalId => $"external_user_id:{Value}",
        UserKeyKind.Email => $"email:{Value}",
        UserKeyKind.Alias => $"alias:{Label}/{Value}",
        _ => $"braze_id:{Value}",
    };
}
