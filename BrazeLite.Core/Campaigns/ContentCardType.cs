namespace BrazeLite.Core.Campaigns;

public enum ContentCardType
{
    Classic,
    CaptionedImage,
    Banner,
}
