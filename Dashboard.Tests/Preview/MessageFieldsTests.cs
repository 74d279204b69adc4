using Dashboard.Campaigns;
using Dashboard.Preview;

namespace Dashboard.Tests.Preview;

public class MessageFieldsTests
{
    [Fact]
    public void Of_Email_ListsFromToPlainTextInOrder()
    {
        var message = new MessageContentForm { Channel = Channel.Email, Subject = "Hi {{${first_name}}}" };

        var fields = MessageFields.Of(message);

        Assert.Equal(["from", "reply_to", "subject", "preheader", "html_body", "plain_text_body"], fields.Select(f => f.Key));
        Assert.Equal("Hi {{${first_name}}}", fields.Single(f => f.Key == "subject").Source);
    }

    [Theory]
    [InlineData(Channel.Sms, new[] { "sms_body", "media_url" })]
    [InlineData(Channel.ApplePush, new[] { "push_title", "push_body", "deep_link" })]
    [InlineData(Channel.WebPush, new[] { "push_title", "push_body", "deep_link" })]
    [InlineData(Channel.ContentCard, new[] { "card_title", "card_description", "card_image_url" })]
    public void Keys_Channel_AreItsTemplatedFields(Channel channel, string[] keys) =>
        Assert.Equal(keys, MessageFields.Keys(channel));

    [Fact]
    public void Of_Webhook_PutsOneFieldPerNamedHeaderBetweenUrlAndBody()
    {
        var message = new MessageContentForm
        {
            Channel = Channel.Webhook,
            WebhookUrl = "https://example.com/{{api_trigger_properties.${id}}}",
            WebhookHeaders = [new() { Name = "Authorization", Value = "Bearer {{${user_id}}}" }, new() { Name = " ", Value = "ignored" }],
            WebhookBody = "{}",
        };

        var fields = MessageFields.Of(message);

        Assert.Equal(["webhook_url", "webhook_headers.Authorization", "webhook_body"], fields.Select(f => f.Key));
        Assert.Equal("Bearer {{${user_id}}}", fields[1].Source);
        Assert.Equal("Header Authorization", fields[1].Label);
    }

    [Fact]
    public void Find_HeaderNameInAnyCase_FindsTheHeader()
    {
        var message = new MessageContentForm { Channel = Channel.Webhook, WebhookHeaders = [new() { Name = "X-Token", Value = "t" }] };

        Assert.Equal("t", MessageFields.Find(message, "webhook_headers.x-token")?.Source);
        Assert.Null(MessageFields.Find(message, "webhook_headers.Missing"));
    }

    [Fact]
    public void Find_FieldOfAnotherChannel_IsNull()
    {
        Assert.Null(MessageFields.Find(new MessageContentForm { Channel = Channel.Sms }, "subject"));
    }

    [Theory]
    [InlineData("email", Channel.Email)]
    [InlineData("apple_push", Channel.ApplePush)]
    [InlineData("content_card", Channel.ContentCard)]
    public void TryParseChannel_BrazeKey_GivesChannel(string key, Channel channel)
    {
        Assert.True(MessageFields.TryParseChannel(key, out var parsed));
        Assert.Equal(channel, parsed);
    }

    [Fact]
    public void TryParseChannel_EnumName_IsRejected() => Assert.False(MessageFields.TryParseChannel("Email", out _));
}
