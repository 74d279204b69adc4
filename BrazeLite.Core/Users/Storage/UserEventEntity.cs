namespace BrazeLite.Core.Users.Storage;

/// <summary>A custom event a user performed (<c>/users/track</c> <c>events</c>).</summary>
public sealed class UserEventEntity
{
    public long Id { get; set; }

    public int UserRowId { get; set; }

    public UserEntity? User { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset Time { get; set; }

    public string? AppId { get; set; }

    public string Properties { get; set; } = "{}";

    public DateTimeOffset ReceivedAt { get; set; }
}
