namespace BrazeLite.Core.Campaigns;

/// <summary>The fields of a Content Card.</summary>
public static class ContentCardFields
{
    public static readonly ChannelField Type = new()
    {
        Key = "card_type", Label = "Card type", ApiKey = "type", RequiredInApi = true,
        Format = FieldFormat.Choice, Choices = Enum.GetNames<ContentCardType>(), FormatMessage = "Choose the card type from the list.",
        Placeholder = "CLASSIC",
    };

    public static readonly ChannelField Title = new()
    {
        Key = "card_title", Label = "Title", ApiKey = "title", IsTemplate = true, RequiredAtLaunch = true, RequiredInApi = true,
        Placeholder = "YOUR CARD TITLE",
    };

    public static readonly ChannelField Description = new()
    {
        Key = "card_description", Label = "Description", ApiKey = "description", IsTemplate = true, RequiredAtLaunch = true,
        RequiredInApi = true, Placeholder = "YOUR CARD DESCRIPTION",
    };

    public static readonly ChannelField ImageUrl = new()
    {
        Key = "card_image_url", Label = "Image URL", ApiKey = "image_url", IsTemplate = true, Format = FieldFormat.HttpTemplateUrl,
        FormatMessage = "The image URL must start with http:// or https://.",
    };

    public static readonly IReadOnlyList<ChannelField> All = [Type, Title, Description, ImageUrl];
}
