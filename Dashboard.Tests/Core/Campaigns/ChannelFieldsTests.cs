namespace Dashboard.Tests.Core.Campaigns;

public class ChannelFieldsTests
{
    private static ChannelMessage Message(MessageContentForm form) => CampaignForms.ToMessage(form);

    [Fact]
    public void Templates_Email_ListsFromToPlainTextInOrder()
    {
        var message = Message(new MessageContentForm { Channel = Channel.Email, MessageVariationId = Ids.NewId(), [EmailFields.Subject] = "Hi {{${first_name}}}" });

        var fields = message.Templates();

        Assert.Equal(["from", "reply_to", "subject", "preheader", "html_body", "plain_text_body"], fields.Select(f => f.Field.Key));
        Assert.Equal("Hi {{${first_name}}}", fields.Single(f => f.Field.Key == "subject").Source);
    }

    [Theory]
    [InlineData(Channel.Sms, new[] { "sms_body", "media_url" })]
    [InlineData(Channel.ApplePush, new[] { "push_title", "push_body", "deep_link" })]
    [InlineData(Channel.WebPush, new[] { "push_title", "push_body", "deep_link" })]
    [InlineData(Channel.ContentCard, new[] { "card_title", "card_description", "card_image_url" })]
    public void TemplateKeys_Channel_AreItsTemplatedFields(Channel channel, string[] keys) =>
        Assert.Equal(keys, ChannelFields.TemplateKeys(channel));

    [Fact]
    public void Templates_Webhook_PutsOneFieldPerNamedHeaderBetweenUrlAndBody()
    {
        var message = Message(new MessageContentForm
        {
            Channel = Channel.Webhook, MessageVariationId = Ids.NewId(),
            [WebhookFields.Url] = "https://example.com/{{api_trigger_properties.${id}}}",
            WebhookHeaders = [new() { Name = "Authorization", Value = "Bearer {{${user_id}}}" }, new() { Name = " ", Value = "ignored" }],
            [WebhookFields.Body] = "{}",
        });

        var fields = message.Templates();

        Assert.Equal(["webhook_url", "webhook_headers.Authorization", "webhook_body"], fields.Select(f => f.Field.Key));
        Assert.Equal("Bearer {{${user_id}}}", fields[1].Source);
        Assert.Equal("Header Authorization", fields[1].Field.Label);
    }

    [Fact]
    public void FindTemplate_HeaderNameInAnyCase_FindsTheHeader()
    {
        var message = Message(new MessageContentForm { Channel = Channel.Webhook, MessageVariationId = Ids.NewId(), WebhookHeaders = [new() { Name = "X-Token", Value = "t" }] });

        Assert.Equal("t", message.FindTemplate("webhook_headers.x-token")?.Source);
        Assert.Null(message.FindTemplate("webhook_headers.Missing"));
    }

    [Fact]
    public void FindTemplate_FieldOfAnotherChannel_IsNull()
    {
        Assert.Null(Message(new MessageContentForm { Channel = Channel.Sms }).FindTemplate("subject"));
    }

    [Theory]
    [InlineData("email", Channel.Email)]
    [InlineData("apple_push", Channel.ApplePush)]
    [InlineData("content_card", Channel.ContentCard)]
    public void TryParse_BrazeKey_GivesChannel(string key, Channel channel)
    {
        Assert.True(ChannelInfo.TryParse(key, out var parsed));
        Assert.Equal(channel, parsed);
    }

    [Fact]
    public void TryParse_EnumName_IsRejected() => Assert.False(ChannelInfo.TryParse("Email", out _));

    [Fact]
    public void Catalogue_EveryField_HasOneKeyPerChannelAndItsMessagesSayWhatIsWrong()
    {
        foreach (var channel in ChannelInfo.All)
        {
            var fields = ChannelFields.For(channel);
            Assert.Equal(fields.Count, fields.Select(f => f.Key).Distinct().Count());
            Assert.All(fields.Where(f => f.Format != FieldFormat.Text), f => Assert.False(string.IsNullOrEmpty(f.FormatMessage), $"{channel} {f.Key}"));
            Assert.All(fields.Where(f => f.RequiredInApi), f => Assert.NotNull(f.ApiKey));
        }
    }

    [Fact]
    public void Message_StoresOnlyItsChannelsFields_TrimmedWhereWhitespaceMeansNothing()
    {
        var message = Message(new MessageContentForm
        {
            Channel = Channel.Email, MessageVariationId = Ids.NewId(),
            [EmailFields.From] = "  shop@example.com ",
            [EmailFields.Subject] = "  Hi ",
            [EmailFields.Preheader] = "   ",
            [SmsFields.Body] = "not an email field",
        });

        var email = Assert.IsType<EmailMessage>(message);
        Assert.Equal("shop@example.com", email.From);
        Assert.Equal("  Hi ", email.Subject);
        Assert.Null(email.Preheader);
        Assert.Equal(["from", "subject"], message.Values.Keys.Order());
    }

    [Fact]
    public void Message_ChoiceLeftUnset_ReadsAsItsDefault()
    {
        var webhook = Assert.IsType<WebhookMessage>(Message(new MessageContentForm { Channel = Channel.Webhook }));
        var card = Assert.IsType<ContentCardMessage>(Message(new MessageContentForm { Channel = Channel.ContentCard }));

        Assert.Equal("POST", webhook.Method);
        Assert.Equal(ContentCardType.Classic, card.CardType);
    }
}
