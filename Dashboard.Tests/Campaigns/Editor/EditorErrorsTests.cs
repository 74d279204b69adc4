using Dashboard.Campaigns;
using Dashboard.Campaigns.Editor;

namespace Dashboard.Tests.Campaigns.Editor;

public class EditorErrorsTests
{
    [Fact]
    public void For_FieldNotTouchedAndStepNotLeft_IsHidden()
    {
        var errors = new EditorErrors();
        errors.Revalidate(CampaignFormEditing.NewForm(CampaignType.Api));

        Assert.Null(errors.For(CampaignFields.Name));
        Assert.Contains(errors.All, p => p.Field == CampaignFields.Name);
    }

    [Fact]
    public void For_StepLeft_ShowsThatStepsMessagesOnly()
    {
        var errors = new EditorErrors();
        errors.Revalidate(CampaignFormEditing.NewForm(CampaignType.Api));

        errors.RevealStep(EditorStep.Details);

        Assert.Equal("Give the campaign a name.", errors.For(CampaignFields.Name));
        Assert.Null(errors.For(CampaignFields.Channels));
        Assert.True(errors.StepHasErrors(EditorStep.Details));
        Assert.False(errors.StepHasErrors(EditorStep.Channels));
    }

    [Fact]
    public void Touch_WholeConversionEvent_RevealsItsFields()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.Api);
        form.ConversionEvents.Add(new ConversionEventForm { Type = ConversionEventType.PerformsCustomEvent });
        var errors = new EditorErrors();
        errors.Revalidate(form);

        errors.Touch("ConversionEvents[0]");

        Assert.Equal("Name the custom event.", errors.For(CampaignFields.ConversionEvent(0, "EventName")));
        Assert.Null(errors.For(CampaignFields.Name));
    }

    [Fact]
    public void ServerMessage_FieldEditedAfterwards_IsDropped()
    {
        var server = new ValidationErrors();
        server.Add(CampaignFields.Description, "Too long for the database.");
        var errors = new EditorErrors();
        errors.Revalidate(CampaignFormEditing.NewForm(CampaignType.Api));
        errors.SetServer(server);
        Assert.Equal("Too long for the database.", errors.For(CampaignFields.Description));

        errors.Touch(CampaignFields.Description);

        Assert.Null(errors.For(CampaignFields.Description));
    }

    [Fact]
    public void All_ProblemsOnSeveralSteps_ComeInStepOrder()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        form.Variants[0].Percentage = 50;
        form.ConversionEvents.Add(new ConversionEventForm { DeadlineAmount = 0 });
        var errors = new EditorErrors();
        errors.Revalidate(form);

        var steps = errors.All.Select(p => EditorSteps.StepOf(p.Field)).ToList();

        Assert.Equal([EditorStep.Details, EditorStep.Channels, EditorStep.Variants, EditorStep.ConversionEvents], steps);
    }
}
