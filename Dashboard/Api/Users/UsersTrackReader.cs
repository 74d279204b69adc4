using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Users;

namespace Dashboard.Api.Users;

/// <summary>
/// Reads a <c>/users/track</c> body. A body of the wrong shape, or an array over its limit, is fatal (nothing is
/// written); an object with a bad field is left out with an error in Braze's shape and the others still apply.
/// </summary>
public static partial class UsersTrackReader
{
    public const string MaxInputLengthExceeded = "Max Input Length Exceeded";

    public static (TrackUsersRequest? Request, BrazeError? Error) Read(JsonObject body)
    {
        var errors = new List<TrackError>();
        var arrays = new Dictionary<string, JsonArray?>(StringComparer.Ordinal);
        foreach (var name in new[] { "attributes", "events", "purchases" })
        {
            var node = body[name];
            if (node is not null and not JsonArray)
            {
                return (null, new BrazeError("Bad Request", [$"{name} must be an array of objects."]));
            }
            if (node is JsonArray { Count: > UserLimits.MaxObjectsPerKind } tooMany)
            {
                return (null, new BrazeError(MaxInputLengthExceeded, [$"{name} holds {tooMany.Count} objects; at most {UserLimits.MaxObjectsPerKind} per request."]));
            }
            arrays[name] = node as JsonArray;
        }
        if (arrays.Values.All(a => a is null))
        {
            return (null, new BrazeError("Bad Request", ["Send at least one of attributes, events or purchases."]));
        }

        var attributes = new List<TrackedAttributes>();
        Each(arrays["attributes"], "attributes", errors, (o, i) =>
        {
            var target = Target(o, i, createByDefault: true, out var problem);
            if (target is null)
            {
                return problem;
            }
            attributes.Add(new TrackedAttributes(target, o));
            return null;
        });

        var events = new List<TrackedEvent>();
        Each(arrays["events"], "events", errors, (o, i) =>
        {
            var target = Target(o, i, createByDefault: true, out var problem);
            if (target is null)
            {
                return problem;
            }
            if (!Text(o["name"], out var name) || name.Length > UserLimits.MaxNameLength)
            {
                return $"an event needs a name of 1 to {UserLimits.MaxNameLength} characters";
            }
            if (ReadTime(o["time"]) is not { } time)
            {
                return "an event needs a time in ISO 8601, e.g. 2026-12-02T09:30:00Z";
            }
            if (Properties(o["properties"], UserLimits.MaxEventPropertiesBytes, out var properties) is { } propertiesProblem)
            {
                return propertiesProblem;
            }
            events.Add(new TrackedEvent(target, name, time, Text(o["app_id"], out var app) ? app : null, properties));
            return null;
        });

        var purchases = new List<TrackedPurchase>();
        Each(arrays["purchases"], "purchases", errors, (o, i) =>
        {
            var target = Target(o, i, createByDefault: true, out var problem);
            if (target is null)
            {
                return problem;
            }
            if (!Text(o["product_id"], out var product) || product.Length > UserLimits.MaxNameLength)
            {
                return $"a purchase needs a product_id of 1 to {UserLimits.MaxNameLength} characters";
            }
            if (!Text(o["currency"], out var currency) || !Currency().IsMatch(currency))
            {
                return "a purchase needs a currency: a three-letter ISO 4217 code such as USD";
            }
            if (o["price"] is not JsonValue priceValue || priceValue.GetValueKind() != JsonValueKind.Number || !priceValue.TryGetValue<decimal>(out var price))
            {
                return "a purchase needs a price: a number";
            }
            var quantity = 1;
            if (o["quantity"] is { } q && (q.GetValueKind() != JsonValueKind.Number || !q.AsValue().TryGetValue(out quantity) || quantity < 1 || quantity > UserLimits.MaxQuantity))
            {
                return $"quantity must be a whole number from 1 to {UserLimits.MaxQuantity}";
            }
            if (ReadTime(o["time"]) is not { } time)
            {
                return "a purchase needs a time in ISO 8601, e.g. 2026-12-02T09:30:00Z";
            }
            if (Properties(o["properties"], UserLimits.MaxPurchasePropertiesBytes, out var properties) is { } propertiesProblem)
            {
                return propertiesProblem;
            }
            purchases.Add(new TrackedPurchase(target, product, currency.ToUpperInvariant(), price, quantity, time, properties));
            return null;
        });

        return (new TrackUsersRequest(attributes, events, purchases, errors,
            arrays["attributes"] is not null, arrays["events"] is not null, arrays["purchases"] is not null), null);
    }

    private static void Each(JsonArray? array, string name, List<TrackError> errors, Func<JsonObject, int, string?> read)
    {
        if (array is null)
        {
            return;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var problem = array[i] is JsonObject o ? read(o, i) : "each entry must be an object";
            if (problem is not null)
            {
                errors.Add(new TrackError(problem, name, i));
            }
        }
    }

    /// <summary>
    /// Whom the object is about: exactly one of <c>external_id</c>, <c>user_alias</c>, <c>braze_id</c>, <c>email</c>.
    /// A missing user is created for an external ID or email unless <c>_update_existing_only</c> is true, for an alias only
    /// when it is false, never for a braze_id.
    /// </summary>
    private static TrackTarget? Target(JsonObject o, int index, bool createByDefault, out string? problem)
    {
        problem = null;
        var keys = new List<UserKey>();
        if (o["external_id"] is { } external)
        {
            if (!Text(external, out var id) || id.Length > UserLimits.MaxIdLength)
            {
                problem = $"external_id must be a string of 1 to {UserLimits.MaxIdLength} characters";
                return null;
            }
            keys.Add(UserKey.External(id));
        }
        if (o["user_alias"] is { } alias)
        {
            if (alias is not JsonObject a || !Text(a["alias_name"], out var name) || !Text(a["alias_label"], out var label))
            {
                problem = "user_alias must be {\"alias_name\": \"...\", \"alias_label\": \"...\"}";
                return null;
            }
            keys.Add(UserKey.Alias(label, name));
        }
        if (o["braze_id"] is { } brazeId)
        {
            if (!Text(brazeId, out var id))
            {
                problem = "braze_id must be a non-empty string";
                return null;
            }
            keys.Add(new UserKey(UserKeyKind.BrazeId, id));
        }
        if (o["email"] is { } email && o["external_id"] is null && o["user_alias"] is null && o["braze_id"] is null)
        {
            if (!Text(email, out var address) || !BrazeLite.Core.Campaigns.EmailAddress.IsValid(address))
            {
                problem = "email must be an email address";
                return null;
            }
            keys.Add(UserKey.ByEmail(address));
        }
        if (keys.Count != 1)
        {
            problem = "'external_id' or 'braze_id' or 'user_alias' or 'email' is required, exactly one of them";
            return null;
        }
        bool? existingOnly = null;
        if (o["_update_existing_only"] is { } flag)
        {
            if (flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                problem = "_update_existing_only must be true or false";
                return null;
            }
            existingOnly = flag.GetValue<bool>();
        }
        var create = keys[0].Kind switch
        {
            UserKeyKind.BrazeId => false,
            UserKeyKind.Alias => existingOnly == false,
            _ => existingOnly != true && createByDefault,
        };
        return new TrackTarget(index, keys[0], create);
    }

    private static string? Properties(JsonNode? node, int maxBytes, out JsonObject properties)
    {
        properties = [];
        if (node is null)
        {
            return null;
        }
        if (node is not JsonObject obj)
        {
            return "properties must be an object";
        }
        var size = System.Text.Encoding.UTF8.GetByteCount(obj.ToJsonString());
        if (size > maxBytes)
        {
            return $"properties hold {size:N0} bytes of JSON; at most {maxBytes:N0}";
        }
        foreach (var (key, value) in obj)
        {
            if (key.Length == 0 || key.Length > UserLimits.MaxNameLength || key.StartsWith('$') || key is "time" or "event_name")
            {
                return $"property \"{key}\": a name has 1 to {UserLimits.MaxNameLength} characters, does not start with $ and is not time or event_name";
            }
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > UserLimits.MaxNameLength)
            {
                return $"property \"{key}\": a string value holds at most {UserLimits.MaxNameLength} characters";
            }
        }
        properties = obj;
        return null;
    }

    /// <summary>ISO 8601, or Braze's <c>yyyy-MM-dd'T'HH:mm:ss:SSSZ</c> (a colon before the milliseconds).</summary>
    public static DateTimeOffset? ReadTime(JsonNode? node)
    {
        if (!Text(node, out var text))
        {
            return null;
        }
        text = BrazeMilliseconds().Replace(text, "$1.$2");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && text.Contains('T', StringComparison.Ordinal) ? time : null;
    }

    private static bool Text(JsonNode? node, out string value)
    {
        value = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : "";
        return value.Length > 0;
    }

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex Currency();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}):(\d{3})")]
    private static partial Regex BrazeMilliseconds();
}
