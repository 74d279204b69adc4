using BrazeLite.Core.Delivery.Storage;

namespace BrazeLite.Core.Delivery;

/// <summary>How the dispatcher left a message after its claim: written back to its delivery row with the attempts made.</summary>
public sealed record DeliveryOutcome(
    long MessageId,
    DeliveryState State,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? Sender,
    string? Content,
    IReadOnlyList<string> Warnings,
    string? Error,
    string? ProviderReference,
    string? ProviderResponse,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<DeliveryAttemptEntity> AttemptLog);
