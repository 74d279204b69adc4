using Dashboard.Campaigns;
using Dashboard.Preview;

namespace Dashboard.Tests.Preview;

public class PreviewRequestReaderTests
{
    private readonly PreviewRequestReader _reader = new();

    [Fact]
    public void Read_TemplateWithData_ReadsEverything()
    {
        var request = _reader.Read("""
            {"template": "Hi {{${first_name}}}", "trigger_properties": {"product": "Shoes"},
             "user": {"first_name": "Ana"}, "event_properties": {"e": 1}, "variables": {"v": 2},
             "partials": {"footer": "Bye"}, "error_mode": "lax"}
            """);

        Assert.NotNull(request);
        Assert.Equal("Hi {{${first_name}}}", request.Template);
        Assert.Null(request.CampaignField);
        Assert.Equal(LiquidErrorMode.Lax, request.ErrorMode);
        Assert.Equal("Shoes", request.Data.TriggerProperties!["product"]);
        Assert.Equal("Ana", request.Data.User!["first_name"]);
        Assert.Equal(1L, request.Data.EventProperties!["e"]);
        Assert.Equal(2L, request.Data.Variables!["v"]);
        Assert.Equal("Bye", request.Data.Partials!["footer"]);
    }

    [Fact]
    public void Read_NoErrorMode_IsStrict()
    {
        Assert.Equal(LiquidErrorMode.Strict, _reader.Read("""{"template": "x"}""")!.ErrorMode);
    }

    [Fact]
    public void Read_CampaignFields_GiveTheReference()
    {
        var request = _reader.Read("""
            {"campaign_id": "c1", "message_variation_id": "v1", "channel": "email", "field": "subject"}
            """);

        Assert.Equal(new CampaignFieldReference("c1", "v1", Channel.Email, "subject"), request!.CampaignField);
        Assert.Null(request.Template);
    }

    [Fact]
    public void Read_WebhookHeaderField_IsAccepted()
    {
        var request = _reader.Read("""
            {"campaign_id": "c1", "message_variation_id": "v1", "channel": "webhook", "field": "webhook_headers.Authorization"}
            """);

        Assert.Equal("webhook_headers.Authorization", request!.CampaignField!.Field);
    }

    [Fact]
    public void Read_EmptyBody_IsABodyError()
    {
        Assert.Null(_reader.Read("  "));
        Assert.StartsWith("The request body is empty.", _reader.BodyError);
    }

    [Fact]
    public void Read_BadJson_NamesLineAndColumn()
    {
        Assert.Null(_reader.Read("{\n  \"template\": 'x'\n}"));
        Assert.StartsWith("The request body is not valid JSON: Line 2, column 15: ", _reader.BodyError);
    }

    [Fact]
    public void Read_ArrayBody_SaysAnObjectIsNeeded()
    {
        Assert.Null(_reader.Read("[]"));
        Assert.Equal("The request body must be a JSON object ({ ... }), not an array.", _reader.BodyError);
    }

    [Fact]
    public void Read_NeitherTemplateNorCampaign_SaysWhatToGive()
    {
        Assert.Null(_reader.Read("""{"trigger_properties": {}}"""));
        Assert.Contains("Give \"template\"", Assert.Single(_reader.Errors["template"]));
    }

    [Fact]
    public void Read_TemplateAndCampaignFields_SaysNotBoth()
    {
        Assert.Null(_reader.Read("""{"template": "x", "campaign_id": "c1"}"""));
        Assert.Contains("not both (this request also has campaign_id)", Assert.Single(_reader.Errors["template"]));
    }

    [Fact]
    public void Read_SomeCampaignFields_NamesEachMissingOne()
    {
        Assert.Null(_reader.Read("""{"campaign_id": "c1", "channel": "sms"}"""));
        Assert.Equal(["message_variation_id", "field"], _reader.Errors.Keys);
    }

    [Fact]
    public void Read_UnknownChannel_ListsTheChannels()
    {
        Assert.Null(_reader.Read("""{"campaign_id": "c", "message_variation_id": "v", "channel": "fax", "field": "body"}"""));
        Assert.Equal("Unknown channel \"fax\". Channels: apple_push, android_push, kindle_push, web_push, email, sms, webhook, content_card.",
            Assert.Single(_reader.Errors["channel"]));
    }

    [Fact]
    public void Read_FieldOfAnotherChannel_ListsTheChannelsFields()
    {
        Assert.Null(_reader.Read("""{"campaign_id": "c", "message_variation_id": "v", "channel": "sms", "field": "subject"}"""));
        Assert.Equal("\"subject\" is not a field of the sms channel. Its fields: sms_body, media_url.", Assert.Single(_reader.Errors["field"]));
    }

    [Fact]
    public void Read_WrongTypes_NameTheExpectedAndActualType()
    {
        Assert.Null(_reader.Read("""{"template": 5, "trigger_properties": [1], "partials": {"a": 1}, "user": "Ana"}"""));
        Assert.Equal("\"template\" must be a string, not a number.", Assert.Single(_reader.Errors["template"]));
        Assert.Equal("\"trigger_properties\" must be a JSON object, not an array.", Assert.Single(_reader.Errors["trigger_properties"]));
        Assert.Equal("\"user\" must be a JSON object, not a string.", Assert.Single(_reader.Errors["user"]));
        Assert.Equal("Partial \"a\" must be a string holding its Liquid source, not a number.", Assert.Single(_reader.Errors["partials"]));
    }

    [Fact]
    public void Read_BadErrorMode_SaysStrictOrLax()
    {
        Assert.Null(_reader.Read("""{"template": "x", "error_mode": "warn"}"""));
        Assert.Equal("\"error_mode\" must be \"strict\" or \"lax\", not \"warn\".", Assert.Single(_reader.Errors["error_mode"]));
    }

    [Fact]
    public void Read_MisspelledProperty_SuggestsTheKnownOne()
    {
        Assert.Null(_reader.Read("""{"template": "x", "trigger_propertes": {}}"""));
        Assert.StartsWith("Unknown property \"trigger_propertes\" (did you mean \"trigger_properties\"?).", Assert.Single(_reader.Errors["trigger_propertes"]));
    }
}
