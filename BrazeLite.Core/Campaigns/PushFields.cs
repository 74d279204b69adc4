namespace BrazeLite.Core.Campaigns;

/// <summary>The fields of a push message; iOS makes the title optional, the other platforms require it.</summary>
public static class PushFields
{
    public static readonly ChannelField Title = new()
    {
        Key = "push_title", Label = "Title", ApiKey = "title", IsTemplate = true, RequiredAtLaunch = true, RequiredInApi = true,
        Placeholder = "YOUR PUSH TITLE",
    };

    public static readonly ChannelField Body = new()
    {
        Key = "push_body", Label = "Body", ApiKey = "alert", IsTemplate = true, RequiredAtLaunch = true, RequiredInApi = true,
        Placeholder = "YOUR PUSH MESSAGE",
    };

    public static readonly ChannelField DeepLink = new() { Key = "deep_link", Label = "Deep link", ApiKey = "custom_uri", IsTemplate = true };

    /// <summary>iOS: the title is optional (Braze's <c>alert</c> may be a plain string).</summary>
    public static readonly ChannelField OptionalTitle = Title with { RequiredAtLaunch = false, RequiredInApi = false };

    /// <summary>The fields of <paramref name="channel"/>'s push message.</summary>
    public static IReadOnlyList<ChannelField> For(Channel channel) => channel == Channel.ApplePush ? Apple : Others;

    private static readonly IReadOnlyList<ChannelField> Apple = [OptionalTitle, Body, DeepLink];
    private static readonly IReadOnlyList<ChannelField> Others = [Title, Body, DeepLink];
}
