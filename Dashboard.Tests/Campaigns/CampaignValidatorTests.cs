using Dashboard.Campaigns.Editor;
using Dashboard.Campaigns;

namespace Dashboard.Tests.Campaigns;

public class CampaignValidatorTests
{
    [Fact]
    public void Validate_ThrottleOutsideOneTo2000_IsRefused_TheBoundsAllowed()
    {
        string? ErrorFor(int? rate)
        {
            var form = SampleCampaigns.Triggered();
            form.ThrottlePerSecond = rate;
            return CampaignRules.Validate(form).For(CampaignFields.Throttle);
        }

        Assert.Equal("Throttle delivery to 1 to 2,000 messages per second.", ErrorFor(0));
        Assert.Equal("Throttle delivery to 1 to 2,000 messages per second.", ErrorFor(2001));
        Assert.Null(ErrorFor(1));
        Assert.Null(ErrorFor(2000));
        Assert.Null(ErrorFor(null));
    }

    [Fact]
    public void Validate_SampleCampaigns_HaveNoErrors()
    {
        Assert.Empty(CampaignRules.Validate(SampleCampaigns.Api()));
        Assert.Empty(CampaignRules.Validate(SampleCampaigns.Triggered()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_EmptyName_AsksForAName(string name)
    {
        var form = SampleCampaigns.Api(name);

        Assert.Equal("Give the campaign a name.", CampaignRules.Validate(form).For(CampaignFields.Name));
    }

    [Fact]
    public void Validate_NameOverLimit_IsRefused_AndLimitItselfAllowed()
    {
        Assert.Equal("Keep the name to 200 characters.", CampaignRules.Validate(SampleCampaigns.Api(new string('n', 201))).For(CampaignFields.Name));
        Assert.Null(CampaignRules.Validate(SampleCampaigns.Api(" " + new string('n', 200) + " ")).For(CampaignFields.Name));
    }

    [Fact]
    public void Validate_NineVariants_IsRefused_EightAllowed()
    {
        var channels = new[] { Channel.Sms };
        var form = SampleCampaigns.Triggered();
        form.Channels = [new ChannelForm { Channel = Channel.Sms }];
        form.ConversionEvents.Clear();
        form.HasControlGroup = false;
        form.Variants = Enumerable.Range(1, 8).Select(i => SampleCampaigns.Variant($"V{i}", i <= 4 ? 13 : 12, channels, "Hi")).ToList();
        Assert.Empty(CampaignRules.Validate(form));

        form.Variants[0].Percentage = 1;
        form.Variants.Add(SampleCampaigns.Variant("V9", 12, channels, "Hi"));

        var errors = CampaignRules.Validate(form);
        Assert.Equal("A campaign has at most 8 variants.", errors.For(CampaignFields.Variants));
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_NoVariantsInTriggeredCampaign_IsRefused()
    {
        var form = SampleCampaigns.Triggered();
        form.Variants.Clear();

        Assert.Equal("Add at least one variant.", CampaignRules.Validate(form).For(CampaignFields.Variants));
    }

    [Theory]
    [InlineData(45, 45, 5, "The percentages add up to 95%; they must add up to exactly 100%.")]
    [InlineData(50, 45, 10, "The percentages add up to 105%; they must add up to exactly 100%.")]
    public void Validate_PercentagesNotHundred_SaysTheTotal(int a, int b, int control, string message)
    {
        var form = SampleCampaigns.Triggered();
        form.Variants[0].Percentage = a;
        form.Variants[1].Percentage = b;
        form.ControlPercentage = control;

        Assert.Equal(message, CampaignRules.Validate(form).For(CampaignFields.Percentages));
    }

    [Fact]
    public void Validate_PercentagesWithoutControl_CountOnlyVariants()
    {
        var form = SampleCampaigns.Triggered();
        form.HasControlGroup = false;
        form.Variants[0].Percentage = 50;
        form.Variants[1].Percentage = 50;

        Assert.Empty(CampaignRules.Validate(form));
    }

    [Fact]
    public void Validate_ControlSharingAVariantsId_IsRefused()
    {
        var form = SampleCampaigns.Triggered();
        form.ControlVariationId = form.Variants[1].Messages[0].MessageVariationId;

        Assert.Equal("The variant's Email message needs its own message variation ID (a lower-case UUID).",
            CampaignRules.Validate(form).For(CampaignFields.Variant(1, "VariationId")));
    }

    [Fact]
    public void Validate_TwoVariantsWithSameId_IsRefused()
    {
        var form = SampleCampaigns.Triggered();
        form.Variants[1].Messages[2].MessageVariationId = form.Variants[0].Messages[2].MessageVariationId;

        Assert.Equal("The variant's iOS push message needs its own message variation ID (a lower-case UUID).",
            CampaignRules.Validate(form).For(CampaignFields.Variant(1, "VariationId")));
    }

    [Fact]
    public void Validate_ApiChannelsSharingAnId_IsRefused()
    {
        var form = SampleCampaigns.Api();
        form.Channels[1].MessageVariationId = form.Channels[0].MessageVariationId;

        Assert.Equal("Every channel needs its own message variation ID.", CampaignRules.Validate(form).For(CampaignFields.Channels));
    }

    [Fact]
    public void Validate_UpperCaseVariationId_IsRefused()
    {
        var form = SampleCampaigns.Api();
        form.Channels[0].MessageVariationId = form.Channels[0].MessageVariationId!.ToUpperInvariant();

        Assert.NotNull(CampaignRules.Validate(form).For(CampaignFields.Channels));
    }

    [Fact]
    public void Validate_SameChannelTwice_IsRefusedOnce()
    {
        var form = SampleCampaigns.Triggered();
        form.Channels.Add(new ChannelForm { Channel = Channel.Email });
        form.Variants[0].Messages.Single(m => m.Channel == Channel.Email)[EmailFields.Subject] = null;

        var errors = CampaignRules.Validate(form);

        Assert.Equal("A channel can be added once.", errors.For(CampaignFields.Channels));
        Assert.Equal(["Subject is required."], errors[CampaignFields.Message(0, Channel.Email, EmailFields.Subject)]);
    }

    [Fact]
    public void Validate_UnknownChannel_IsRefused()
    {
        var form = SampleCampaigns.Api();
        form.Channels.Add(new ChannelForm { Channel = (Channel)42, MessageVariationId = Ids.NewId() });

        Assert.Equal("Choose channels from the list.", CampaignRules.Validate(form).For(CampaignFields.Channels));
    }

    [Fact]
    public void Validate_FifthConversionEvent_IsRefused_FourAllowed()
    {
        var form = SampleCampaigns.Api();
        form.ConversionEvents =
        [
            new() { Type = ConversionEventType.StartsSession },
            new() { Type = ConversionEventType.MakesPurchase },
            new() { Type = ConversionEventType.UpgradesApp },
            new() { Type = ConversionEventType.ClicksEmail },
        ];
        Assert.Empty(CampaignRules.Validate(form));

        form.ConversionEvents.Add(new ConversionEventForm { Type = ConversionEventType.OpensEmail });

        Assert.Equal("A campaign has at most 4 conversion events.", CampaignRules.Validate(form).For(CampaignFields.ConversionEvents));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_CustomEventWithoutName_IsRefused(string? eventName)
    {
        var form = SampleCampaigns.Api();
        form.ConversionEvents[1].EventName = eventName;

        Assert.Equal("Name the custom event.", CampaignRules.Validate(form).For(CampaignFields.ConversionEvent(1, "EventName")));
    }

    [Fact]
    public void Validate_EmailConversionWithoutEmailChannel_IsRefused()
    {
        var form = SampleCampaigns.Api();
        form.Channels.RemoveAt(0);

        Assert.Equal("Opens Email needs an email channel.", CampaignRules.Validate(form).For(CampaignFields.ConversionEvent(0, "Type")));
    }

    [Theory]
    [InlineData("ftp://hooks.example.com/x")]
    [InlineData("hooks.example.com/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://{{api_trigger_properties.${host}}}/x")]
    [InlineData("http://")]
    public void Validate_WebhookUrlNotHttp_IsRefused(string url)
    {
        var form = SampleCampaigns.Triggered();
        form.Variants[1].Messages.Single(m => m.Channel == Channel.Webhook)[WebhookFields.Url] = url;

        Assert.Equal("The webhook URL must start with http:// or https://.",
            CampaignRules.Validate(form).For(CampaignFields.Message(1, Channel.Webhook, WebhookFields.Url)));
    }

    [Theory]
    [InlineData("http://hooks.example.com")]
    [InlineData("https://hooks.example.com/a/{{api_trigger_properties.${id}}}?x={{${user_id}}}")]
    public void Validate_WebhookUrlHttpWithLiquidAfterHost_IsAccepted(string url)
    {
        var form = SampleCampaigns.Triggered();
        form.Variants[1].Messages.Single(m => m.Channel == Channel.Webhook)[WebhookFields.Url] = url;

        Assert.Empty(CampaignRules.Validate(form));
    }

    [Theory]
    [InlineData(0, DeadlineUnit.Hours)]
    [InlineData(721, DeadlineUnit.Hours)]
    [InlineData(31, DeadlineUnit.Days)]
    [InlineData(-1, DeadlineUnit.Days)]
    [InlineData(int.MaxValue, DeadlineUnit.Days)]
    public void Validate_DeadlineOutOfRange_IsRefused(int amount, DeadlineUnit unit)
    {
        var form = SampleCampaigns.Api();
        form.ConversionEvents[0].DeadlineAmount = amount;
        form.ConversionEvents[0].DeadlineUnit = unit;

        Assert.Equal("The deadline is between 1 hour and 30 days.", CampaignRules.Validate(form).For(CampaignFields.ConversionEvent(0, "Deadline")));
    }

    [Theory]
    [InlineData(1, DeadlineUnit.Hours)]
    [InlineData(720, DeadlineUnit.Hours)]
    [InlineData(30, DeadlineUnit.Days)]
    public void Validate_DeadlineAtTheBounds_IsAccepted(int amount, DeadlineUnit unit) =>
        Assert.Null(CampaignRules.DeadlineError(amount, unit));

    [Theory]
    [InlineData(0, ReeligibilityUnit.Minutes, true)]
    [InlineData(720, ReeligibilityUnit.Days, true)]
    [InlineData(24, ReeligibilityUnit.Months, true)]
    [InlineData(102, ReeligibilityUnit.Weeks, true)]
    [InlineData(103, ReeligibilityUnit.Weeks, false)]
    [InlineData(721, ReeligibilityUnit.Days, false)]
    [InlineData(17281, ReeligibilityUnit.Hours, false)]
    [InlineData(-1, ReeligibilityUnit.Minutes, false)]
    public void Validate_ReeligibilityWindow_ZeroToSevenHundredTwentyDays(int amount, ReeligibilityUnit unit, bool valid)
    {
        var form = SampleCampaigns.Triggered();
        form.ReeligibilityAmount = amount;
        form.ReeligibilityUnit = unit;

        Assert.Equal(valid, CampaignRules.Validate(form).For(CampaignFields.Reeligibility) is null);
    }

    [Fact]
    public void Validate_ControlOutOfRange_IsRefused()
    {
        var form = SampleCampaigns.Triggered();
        form.Variants[0].Percentage = 50;
        form.Variants[1].Percentage = 50;
        form.ControlPercentage = 0;

        Assert.Equal("The control group takes between 1% and 99%.", CampaignRules.Validate(form).For(CampaignFields.ControlPercentage));
    }

    [Fact]
    public void Validate_EmptyMessageFields_AreRequiredPerChannel()
    {
        var form = SampleCampaigns.Triggered();
        form.Variants[0].Messages = form.Channels.Select(c => new MessageContentForm { Channel = c.Channel, [WebhookFields.Method] = "PATCH" }).ToList();

        var errors = CampaignRules.Validate(form);

        Assert.Equal("From is required.", errors.For(CampaignFields.Message(0, Channel.Email, EmailFields.From)));
        Assert.Equal("Body is required.", errors.For(CampaignFields.Message(0, Channel.Sms, SmsFields.Body)));
        Assert.Equal("Body is required.", errors.For(CampaignFields.Message(0, Channel.ApplePush, PushFields.Body)));
        Assert.Null(errors.For(CampaignFields.Message(0, Channel.ApplePush, PushFields.Title)));
        Assert.Equal("Title is required.", errors.For(CampaignFields.Message(0, Channel.AndroidPush, PushFields.Title)));
        Assert.Equal("URL is required.", errors.For(CampaignFields.Message(0, Channel.Webhook, WebhookFields.Url)));
        Assert.Equal("The method is POST, PUT, DELETE or GET.", errors.For(CampaignFields.Message(0, Channel.Webhook, WebhookFields.Method)));
        Assert.Equal("Title is required.", errors.For(CampaignFields.Message(0, Channel.ContentCard, ContentCardFields.Title)));
        Assert.DoesNotContain(errors.Keys, k => k.StartsWith("Variants[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DraftLevel_AllowsUnfinishedCopyButNotWrongValues()
    {
        var form = SampleCampaigns.Triggered();
        form.Variants[0].Messages = form.Channels.Select(c => new MessageContentForm { Channel = c.Channel, [WebhookFields.Method] = "PATCH" }).ToList();

        var errors = CampaignRules.Validate(form, ValidationLevel.Draft);

        Assert.Null(errors.For(CampaignFields.Message(0, Channel.Email, EmailFields.From)));
        Assert.Null(errors.For(CampaignFields.Message(0, Channel.Sms, SmsFields.Body)));
        Assert.Equal("The method is POST, PUT, DELETE or GET.", errors.For(CampaignFields.Message(0, Channel.Webhook, WebhookFields.Method)));
    }

    [Fact]
    public void Validate_DraftWithoutChannelsOrVariants_IsValidAsDraftOnly()
    {
        var form = SampleCampaigns.Triggered();
        form.Channels.Clear();
        form.Variants.Clear();
        form.HasControlGroup = false;
        form.ConversionEvents.Clear();

        Assert.Empty(CampaignRules.Validate(form, ValidationLevel.Draft));
        var launch = CampaignRules.Validate(form);
        Assert.Equal("Add at least one messaging channel.", launch.For(CampaignFields.Channels));
        Assert.Equal("Add at least one variant.", launch.For(CampaignFields.Variants));
    }

    [Theory]
    [InlineData("news@shop.example", true)]
    [InlineData("Shop News <news@shop.example>", true)]
    [InlineData("news at shop", false)]
    [InlineData("<news@shop.example", false)]
    public void Validate_EmailSender_AcceptsAddressOrNamedAddress(string from, bool valid)
    {
        var form = SampleCampaigns.Triggered();
        form.Variants[0].Messages.Single(m => m.Channel == Channel.Email)[EmailFields.From] = from;

        Assert.Equal(valid, CampaignRules.Validate(form).For(CampaignFields.Message(0, Channel.Email, EmailFields.From)) is null);
    }

    [Fact]
    public void Validate_DuplicateTagsIgnoringCase_AreRefused()
    {
        var form = SampleCampaigns.Api();
        form.Tags = ["Orders", " orders"];

        Assert.Equal("Each tag can be added once.", CampaignRules.Validate(form).For(CampaignFields.Tags));
    }

    [Fact]
    public void Validate_ApiCampaign_IgnoresTriggeredOnlyFields()
    {
        var form = SampleCampaigns.Api();
        form.ReeligibilityEnabled = true;
        form.ReeligibilityAmount = 10_000;
        form.HasControlGroup = true;
        form.ControlPercentage = 0;

        Assert.Empty(CampaignRules.Validate(form));
    }

    [Theory]
    [InlineData("Variants[0].Email.subject", EditorStep.Channels)]
    [InlineData("Variants[1].Name", EditorStep.Variants)]
    [InlineData("Percentages", EditorStep.Variants)]
    [InlineData("Reeligibility", EditorStep.Delivery)]
    [InlineData("ConversionEvents[3].Deadline", EditorStep.ConversionEvents)]
    [InlineData("Name", EditorStep.Details)]
    public void StepOf_ErrorField_LinksToItsStep(string field, EditorStep step) => Assert.Equal(step, EditorSteps.StepOf(field));
}
