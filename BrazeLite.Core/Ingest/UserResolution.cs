using System.Text.Json.Nodes;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Users;

namespace BrazeLite.Core.Ingest;

/// <summary>Finding, creating and updating profiles inside the writer, for every door that names users.</summary>
internal static class UserResolution
{
    /// <summary>
    /// The profile <paramref name="key"/> names, after <paramref name="attributes"/> are applied; created when missing
    /// if <paramref name="createMissing"/> and there are attributes (aliases are never created this way). Null when there
    /// is no such user; <paramref name="problems"/> says why, and lists attributes that were skipped.
    /// </summary>
    /// <param name="draft">The profile <paramref name="attributes"/> make for a new user, built beforehand; used when the user is created.</param>
    public static UserProfile? Resolve(IIngestStore store, UserKey key, JsonObject? attributes, bool createMissing, DateTimeOffset now,
        out List<string> problems, out bool created, NewProfile? draft = null)
    {
        problems = [];
        created = false;
        var user = store.FindUser(key);
        if (user is null)
        {
            if (!createMissing || attributes is null || key.Kind is UserKeyKind.Alias or UserKeyKind.BrazeId)
            {
                problems.Add(key.Kind is UserKeyKind.Alias or UserKeyKind.BrazeId
                    ? $"no user has {key}"
                    : $"no user has {key}; send \"send_to_existing_only\": false with \"attributes\" to create one");
                return null;
            }
            created = true;
            if (draft is not null)
            {
                user = draft.Create(now);
                problems.AddRange(draft.Problems);
                store.SaveUser(user, draft.Json);
                return user;
            }
            user = New(key, now);
        }
        if (attributes is not null)
        {
            problems.AddRange(AttributeUpdate.Apply(user, attributes));
            user.UpdatedAt = now;
            store.SaveUser(user);
        }
        else if (user.IsNew)
        {
            store.SaveUser(user);
        }
        return user;
    }

    public static UserProfile New(UserKey key, DateTimeOffset now) => new()
    {
        UserId = NewUserId(now),
        ExternalId = key.Kind == UserKeyKind.ExternalId ? key.Value : null,
        Email = key.Kind == UserKeyKind.Email ? key.Value : null,
        AliasName = key.Kind == UserKeyKind.Alias ? key.Value : null,
        AliasLabel = key.Kind == UserKeyKind.Alias ? key.Label : null,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Time-ordered, so a new profile's row appends to the UserId index instead of dirtying a random page of it.</summary>
    public static string NewUserId(DateTimeOffset now) => TimeOrderedIds.New(now).ToString("D");
}
