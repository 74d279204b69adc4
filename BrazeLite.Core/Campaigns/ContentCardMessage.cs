namespace BrazeLite.Core.Campaigns;

public sealed record ContentCardMessage : ChannelMessage
{
    public ContentCardMessage(IEnumerable<KeyValuePair<string, string?>> values) : base(Channel.ContentCard, values)
    {
    }

    public ContentCardType CardType =>
        Enum.TryParse<ContentCardType>(this[ContentCardFields.Type], out var type) ? type : ContentCardType.Classic;

    public string? Title => this[ContentCardFields.Title];
    public string? Description => this[ContentCardFields.Description];
    public string? ImageUrl => this[ContentCardFields.ImageUrl];
}
