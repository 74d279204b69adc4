using System.Text.Json;
using System.Text.Json.Nodes;
using BrazeLite.Core.Activity;
using BrazeLite.Core.Data;
using BrazeLite.Core.Users.Storage;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Users;

/// <summary>A user found by the Users page's search.</summary>
public sealed record UserSummary(string UserId, string? ExternalId, string? Email, string? Alias, DateTimeOffset UpdatedAt);

/// <summary>One tracked event or purchase on a user's page.</summary>
public sealed record UserEventRow(string Name, DateTimeOffset Time, string Properties);

public sealed record UserPurchaseRow(string ProductId, string Currency, decimal Price, int Quantity, DateTimeOffset Time);

/// <summary>Everything the Users page shows about one user: the profile, recent events and purchases, and every message.</summary>
public sealed record UserDetails(
    UserSummary User,
    IReadOnlyList<KeyValuePair<string, string>> Attributes,
    IReadOnlyList<KeyValuePair<string, string>> CustomAttributes,
    string? EmailSubscribe,
    string? PushSubscribe,
    IReadOnlyDictionary<string, bool> SubscriptionGroups,
    DateTimeOffset CreatedAt,
    IReadOnlyList<UserEventRow> Events,
    IReadOnlyList<UserPurchaseRow> Purchases,
    IReadOnlyList<ActivityEntry> Messages);

/// <summary>Finding users by external ID or email, and reading one user's whole story, for the Users page.</summary>
public sealed class UserDirectory(IDbContextFactory<BrazeLiteDbContext> dbFactory, ActivityLogService activity)
{
    public const int MaxMatches = 20;
    public const int RecentItems = 50;

    /// <summary>The user with this external ID or email, or up to twenty whose external ID or email starts with the text.</summary>
    public async Task<IReadOnlyList<UserSummary>> SearchAsync(string text, CancellationToken ct = default)
    {
        var term = text.Trim();
        if (term.Length == 0)
        {
            return [];
        }
        var email = term.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var exact = await db.Users.AsNoTracking().Where(u => u.ExternalId == term || u.Email == email).Take(MaxMatches).ToListAsync(ct);
        if (exact.Count > 0)
        {
            return exact.Select(Summary).ToList();
        }
        var like = term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var prefixed = await db.Users.AsNoTracking()
            .Where(u => EF.Functions.Like(u.ExternalId!, like, "\\") || EF.Functions.Like(u.Email!, like.ToLowerInvariant(), "\\"))
            .OrderBy(u => u.ExternalId).ThenBy(u => u.Email).Take(MaxMatches).ToListAsync(ct);
        return prefixed.Select(Summary).ToList();
    }

    public async Task<UserDetails?> GetAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserId == userId, ct);
        if (user is null)
        {
            return null;
        }
        var events = await db.UserEvents.AsNoTracking().Where(e => e.UserRowId == user.Id).OrderByDescending(e => e.Id).Take(RecentItems)
            .Select(e => new UserEventRow(e.Name, e.Time, e.Properties)).ToListAsync(ct);
        var purchases = await db.UserPurchases.AsNoTracking().Where(p => p.UserRowId == user.Id).OrderByDescending(p => p.Id).Take(RecentItems)
            .Select(p => new UserPurchaseRow(p.ProductId, p.Currency, p.Price, p.Quantity, p.Time)).ToListAsync(ct);
        var lookup = user.ExternalId ?? user.Email;
        var messages = lookup is null
            ? []
            : (await activity.FindAsync(new ActivityQuery { User = lookup, Limit = ActivityQuery.MaxLimit }, ct)).Entries;
        return new UserDetails(Summary(user), Flatten(user.Attributes), Flatten(user.CustomAttributes), user.EmailSubscribe, user.PushSubscribe,
            JsonSerializer.Deserialize<Dictionary<string, bool>>(user.SubscriptionGroups) ?? [], user.CreatedAt, events, purchases, messages);
    }

    private static UserSummary Summary(UserEntity u) =>
        new(u.UserId, u.ExternalId, u.Email, u.AliasName is null ? null : $"{u.AliasLabel}/{u.AliasName}", u.UpdatedAt);

    /// <summary>Each attribute as a name and its JSON (strings without quotes), in name order.</summary>
    private static List<KeyValuePair<string, string>> Flatten(string json) =>
        (JsonNode.Parse(json) as JsonObject ?? [])
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => KeyValuePair.Create(p.Key, p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : p.Value?.ToJsonString() ?? "null"))
        .ToList();
}
