using System.Text.Json.Nodes;
using BrazeLite.Core.Users;

namespace BrazeLite.Core.Ingest;

/// <summary>Whom a <c>/users/track</c> object is about, and whether it may create them.</summary>
/// <param name="Index">Its place in its array, for the answer's errors.</param>
/// <param name="Create">Whether a missing user is created (Braze's <c>_update_existing_only</c> and identifier rules).</param>
public sealed record TrackTarget(int Index, UserKey Key, bool Create);

public sealed record TrackedAttributes(TrackTarget Target, JsonObject Attributes);

public sealed record TrackedEvent(TrackTarget Target, string Name, DateTimeOffset Time, string? AppId, JsonObject Properties);

public sealed record TrackedPurchase(TrackTarget Target, string ProductId, string Currency, decimal Price, int Quantity, DateTimeOffset Time, JsonObject Properties);

/// <summary>One problem with one object, in Braze's shape: what is wrong, which array, which index.</summary>
public sealed record TrackError(
    [property: System.Text.Json.Serialization.JsonPropertyName("type")] string Type,
    [property: System.Text.Json.Serialization.JsonPropertyName("input_array")] string InputArray,
    [property: System.Text.Json.Serialization.JsonPropertyName("index")] int Index);

/// <summary>
/// A well-formed <c>/users/track</c> request: the objects that passed their own checks (processed in Braze's order:
/// attributes, events, purchases), the problems of those that did not, and which arrays were sent.
/// </summary>
public sealed record TrackUsersRequest(
    IReadOnlyList<TrackedAttributes> Attributes,
    IReadOnlyList<TrackedEvent> Events,
    IReadOnlyList<TrackedPurchase> Purchases,
    IReadOnlyList<TrackError> Errors,
    bool HasAttributes,
    bool HasEvents,
    bool HasPurchases);

/// <summary>Braze's answer to <c>/users/track</c>: the counts of each array it was sent, and the problems.</summary>
public sealed record TrackUsersAnswer(
    [property: System.Text.Json.Serialization.JsonPropertyName("attributes_processed"), System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? AttributesProcessed,
    [property: System.Text.Json.Serialization.JsonPropertyName("events_processed"), System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? EventsProcessed,
    [property: System.Text.Json.Serialization.JsonPropertyName("purchases_processed"), System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? PurchasesProcessed,
    [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message,
    [property: System.Text.Json.Serialization.JsonPropertyName("errors"), System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TrackError>? Errors);
