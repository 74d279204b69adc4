using Dashboard.Campaigns;
using Dashboard.Campaigns.Editor;

namespace Dashboard.Tests.Campaigns.Editor;

public class CampaignFormEditingTests
{
    [Fact]
    public void NewForm_ApiTriggered_StartsWithOneVariantAtHundredPercent()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);

        var variant = Assert.Single(form.Variants);
        Assert.Equal(("Variant 1", 100), (variant.Name, variant.Percentage));
        Assert.Empty(variant.Messages);
    }

    [Fact]
    public void AddChannel_ApiTriggered_GivesEveryVariantAnEmptyMessageAndNoChannelId()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        CampaignFormEditing.AddVariant(form);

        Assert.True(CampaignFormEditing.AddChannel(form, Channel.ContentCard));

        Assert.Null(form.Channels[0].MessageVariationId);
        Assert.All(form.Variants, v => Assert.Equal(Channel.ContentCard, Assert.Single(v.Messages).Channel));
        Assert.False(CampaignFormEditing.AddChannel(form, Channel.ContentCard));
    }

    [Fact]
    public void RemoveChannel_ApiTriggered_DropsThatChannelsCopyFromEveryVariant()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        CampaignFormEditing.AddChannel(form, Channel.Email);
        CampaignFormEditing.AddChannel(form, Channel.Sms);
        CampaignFormEditing.AddVariant(form);

        CampaignFormEditing.RemoveChannel(form, Channel.Email);

        Assert.All(form.Variants, v => Assert.Equal([Channel.Sms], v.Messages.Select(m => m.Channel)));
    }

    [Fact]
    public void AddVariant_NameInUse_PicksTheNextFreeNumber()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        form.Variants[0].Name = "Variant 2";

        var added = CampaignFormEditing.AddVariant(form);

        Assert.Equal("Variant 3", added!.Name);
    }

    [Fact]
    public void AddVariant_WebhookCopy_IsDeepCopied()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        CampaignFormEditing.AddChannel(form, Channel.Webhook);
        CampaignFormEditing.MessageFor(form.Variants[0], Channel.Webhook).WebhookHeaders.Add(new HeaderForm { Name = "X-Key", Value = "1" });

        var added = CampaignFormEditing.AddVariant(form)!;
        added.Messages[0].WebhookHeaders[0].Value = "2";

        Assert.Equal("1", form.Variants[0].Messages[0].WebhookHeaders[0].Value);
    }

    [Fact]
    public void SetMessageType_BackToMarketingFromTransactionalDefault_TurnsReeligibilityOff()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        CampaignFormEditing.SetMessageType(form, MessageType.Transactional);

        CampaignFormEditing.SetMessageType(form, MessageType.Marketing);

        Assert.False(form.ReeligibilityEnabled);
    }

    [Fact]
    public void SetMessageType_BackToMarketingAfterChoosingAWindow_KeepsTheWindow()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        CampaignFormEditing.SetMessageType(form, MessageType.Transactional);
        form.ReeligibilityAmount = 2;
        form.ReeligibilityUnit = ReeligibilityUnit.Days;

        CampaignFormEditing.SetMessageType(form, MessageType.Marketing);

        Assert.True(form.ReeligibilityEnabled);
        Assert.Equal(2, form.ReeligibilityAmount);
    }

    [Fact]
    public void SetControlGroup_OffAndOnAgain_KeepsItsVariationId()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        CampaignFormEditing.SetControlGroup(form, true);
        var id = form.ControlVariationId;

        CampaignFormEditing.SetControlGroup(form, false);
        CampaignFormEditing.SetControlGroup(form, true);

        Assert.Equal(id, form.ControlVariationId);
    }

    [Fact]
    public void EvenSplit_EightVariantsAndControl_SumsToHundred()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        while (CampaignFormEditing.AddVariant(form) is not null)
        {
        }
        CampaignFormEditing.SetControlGroup(form, true);

        CampaignFormEditing.EvenSplit(form);

        Assert.Equal(8, form.Variants.Count);
        Assert.Equal(100, CampaignFormEditing.TotalPercentage(form));
        Assert.All(form.Variants, v => Assert.InRange(v.Percentage, 11, 12));
    }

    [Fact]
    public void MoveConversionEvent_PastTheEnd_ChangesNothing()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.Api);
        CampaignFormEditing.AddConversionEvent(form)!.Type = ConversionEventType.UpgradesApp;
        CampaignFormEditing.AddConversionEvent(form)!.Type = ConversionEventType.MakesPurchase;

        CampaignFormEditing.MoveConversionEvent(form, 1, 1);
        CampaignFormEditing.MoveConversionEvent(form, 0, -1);

        Assert.Equal([ConversionEventType.UpgradesApp, ConversionEventType.MakesPurchase], form.ConversionEvents.Select(e => e.Type));
    }

    [Fact]
    public void HasFirstVariantsCopy_UntilTheVariantsOwnCopyDiffersInAnyChannel()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        CampaignFormEditing.AddChannel(form, Channel.Sms);
        CampaignFormEditing.AddChannel(form, Channel.Email);
        var second = CampaignFormEditing.AddVariant(form)!;
        // Both blank: nothing written yet, so nothing is said to be the same.
        Assert.False(CampaignFormEditing.HasFirstVariantsCopy(form, second));

        form.Variants[0].Messages.Single(m => m.Channel == Channel.Sms).Values["body"] = "Shipped";
        var third = CampaignFormEditing.AddVariant(form)!;

        Assert.True(CampaignFormEditing.HasFirstVariantsCopy(form, third));
        Assert.False(CampaignFormEditing.HasFirstVariantsCopy(form, form.Variants[0]));
        Assert.False(CampaignFormEditing.HasFirstVariantsCopy(form, second));
        third.Messages.Single(m => m.Channel == Channel.Email).Values["subject"] = "Your order";
        Assert.False(CampaignFormEditing.HasFirstVariantsCopy(form, third));
        third.Messages.Single(m => m.Channel == Channel.Email).Values["subject"] = "";
        Assert.True(CampaignFormEditing.HasFirstVariantsCopy(form, third));
    }
}
