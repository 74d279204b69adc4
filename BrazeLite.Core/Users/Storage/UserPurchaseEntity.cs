namespace BrazeLite.Core.Users.Storage;

/// <summary>A purchase a user made (<c>/users/track</c> <c>purchases</c>).</summary>
public sealed class UserPurchaseEntity
{
    public long Id { get; set; }

    public int UserRowId { get; set; }

    public UserEntity? User { get; set; }

    public string ProductId { get; set; } = "";

    /// <summary>ISO 4217, upper-case.</summary>
    public string Currency { get; set; } = "";

    public decimal Price { get; set; }

    public int Quantity { get; set; } = 1;

    public DateTimeOffset Time { get; set; }

    public string Properties { get; set; } = "{}";

    public DateTimeOffset ReceivedAt { get; set; }
}
