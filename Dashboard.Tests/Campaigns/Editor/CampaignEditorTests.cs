using Bunit;
using Dashboard.Campaigns;
using Dashboard.Campaigns.Editor;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Campaigns.Editor;

public class CampaignEditorTests : DashboardTestContext
{

    [Fact]
    public void Steps_ApiCampaign_AreDetailsChannelsConversionEventsSave()
    {
        var cut = RenderNew(CampaignType.Api);

        Assert.Equal(["Details", "Channels", "Conversion events", "Save"], StepTitles(cut));
    }

    [Fact]
    public void Steps_ApiTriggeredCampaign_HaveSixStepsEndingInReview()
    {
        var cut = RenderNew(CampaignType.ApiTriggered);

        Assert.Equal(["Details", "Channels and messages", "Variants", "Delivery", "Conversion events", "Review"],
            StepTitles(cut));
    }

    [Fact]
    public void NextAndBack_AcrossSteps_KeepEverythingTyped()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        Type(cut, "Name", "Password reset");
        Type(cut, "Description", "Sent when a user asks to reset their password.");
        Click(cut, "Next");
        ChooseMenuItem(cut, "Add channel", "SMS/MMS");
        cut.WaitForAssertion(() => Type(cut, "SMS body", "Your code is {{api_trigger_properties.${code}}}"));
        Click(cut, "Next");
        Click(cut, "Next");
        Click(cut, "Next");

        Click(cut, "Back");
        Click(cut, "Back");
        Click(cut, "Back");
        cut.WaitForAssertion(() => Assert.Equal("Your code is {{api_trigger_properties.${code}}}", Field(cut, "SMS body").TextContent));
        Click(cut, "Back");

        cut.WaitForAssertion(() => Assert.Equal("Password reset", Field(cut, "Name").GetAttribute("value")));
        Assert.Equal("Sent when a user asks to reset their password.", Field(cut, "Description").TextContent);
        Assert.True(Button(cut, "Back").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Review_InvalidCampaign_ListsEveryProblemAndEachLinksToItsStep()
    {
        var cut = RenderNew(CampaignType.ApiTriggered);
        GoToStep(cut, "Review");

        var problems = cut.FindAll("ul[aria-label=Problems] li").Select(li => li.TextContent.Trim()).ToList();

        Assert.Contains("Details: Give the campaign a name.", problems);
        Assert.Contains("Channels and messages: Add at least one messaging channel.", problems);
        NoticeSaying(cut, "2 problems stop this campaign from being saved:");
        // Found and clicked in one go: the review re-renders as its checks finish, which would drop a button found earlier.
        await cut.InvokeAsync(() => cut.FindAll("ul[aria-label=Problems] button").Single(b => b.TextContent.Contains("Add at least one messaging channel.")).Click());
        cut.WaitForAssertion(() => Assert.Equal("true", cut.FindAll("button[role=tab]")[1].GetAttribute("aria-selected")));
        Assert.Equal("Add channel", Button(cut, "Add channel").TextContent.Trim());
    }

    [Fact]
    public void Review_MessageProblem_NamesTheVariantAndChannel()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        CampaignFormEditing.AddVariant(form);
        CampaignFormEditing.EvenSplit(form);
        form.Variants[1].Messages[0][SmsFields.Body] = "";
        var cut = RenderEditor(form);

        GoToStep(cut, "Review");

        Assert.Equal(["Channels and messages: Variant 2, SMS/MMS: Body is required."],
            cut.FindAll("ul[aria-label=Problems] li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public void Review_ValidCampaign_SummarisesItAndSaysAllIsWell()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        form.ConversionEvents.Add(new ConversionEventForm { Type = ConversionEventType.PerformsCustomEvent, EventName = "reset_done", DeadlineAmount = 2, DeadlineUnit = DeadlineUnit.Hours });
        var cut = RenderEditor(form);

        GoToStep(cut, "Review");

        var summary = cut.Find("[aria-label=Summary]").TextContent;
        Assert.Contains("Order shipped", summary);
        Assert.Contains("Variant 1 100%", summary);
        Assert.Contains("Users receive this campaign once, however often it is triggered.", summary);
        Assert.Contains("Performs the custom event “reset_done” within 2 hours (primary)", summary);
        NoticeSaying(cut, "Everything is filled in correctly.");
        Assert.NotNull(Button(cut, "Save as draft"));
        Assert.NotNull(Button(cut, "Launch"));
    }

    [Fact]
    public void Next_EmptyName_StaysOnDetailsWithTheMessageAtTheField()
    {
        var cut = RenderNew(CampaignType.Api);

        Click(cut, "Next");

        cut.WaitForAssertion(() => Assert.Equal("Give the campaign a name.", ErrorUnder(cut, "Name")));
        Assert.Contains("Details: fix the 1 field marked in red first", cut.Find("[role=alert]").TextContent);
        Assert.NotNull(Field(cut, "Description"));
        Assert.Equal("true", Field(cut, "Name").GetAttribute("aria-required"));
    }

    [Fact]
    public void Next_NameGiven_MovesOnWithoutFlaggingTheStepNotVisitedYet()
    {
        var cut = RenderNew(CampaignType.Api);
        Type(cut, "Name", "Receipts");

        Click(cut, "Next");

        cut.WaitForAssertion(() => Assert.NotNull(Button(cut, "Add channel")));
        Assert.False(StepShowsError(cut, "Channels"));
        Assert.False(StepShowsError(cut, "Conversion events"));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task SaveDraft_NewCampaignWithAPayloadTyped_SavesThePayloadAsTheCampaignsFirstSample()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        GoToStep(cut, "Channels");
        cut.WaitForAssertion(() => Field(cut, "Payload JSON"));

        Type(cut, "Payload JSON", "{\"product\":\"Shoes\",\"price\":\"59.90\"}");
        Click(cut, "Save draft");

        cut.WaitForAssertion(() => Assert.EndsWith($"/campaigns/{form.CampaignId}", CurrentUri));
        var saved = Assert.Single((await SampleData.ListAsync(form.CampaignId!)).Payloads);
        Assert.Equal("Sample payload", saved.Name);
        Assert.Equal("{\"product\":\"Shoes\",\"price\":\"59.90\"}", saved.Json);
    }

    [Fact]
    public async Task SaveDraft_NewCampaignWithNothingTyped_SavesNoSample()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);

        Click(cut, "Save draft");

        cut.WaitForAssertion(() => Assert.EndsWith($"/campaigns/{form.CampaignId}", CurrentUri));
        var samples = await SampleData.ListAsync(form.CampaignId!);
        Assert.Empty(samples.Payloads);
        Assert.Empty(samples.Users);
    }

    [Fact]
    public void SaveDraft_SaysRequestsHaveNoEffectUntilLaunch()
    {
        var snackbars = Render<MudBlazor.MudSnackbarProvider>();
        var cut = RenderEditor(ValidForm(CampaignType.ApiTriggered));

        Click(cut, "Save draft");

        snackbars.WaitForAssertion(() => Assert.Contains("Saved as a draft: requests naming this campaign are refused until it is launched", snackbars.Markup));
    }

    [Fact]
    public void SaveDraft_ValidCampaign_SendsTheFormToTheServiceAndOpensTheCampaignPage()
    {
        var form = ValidForm(CampaignType.Api);
        var cut = RenderEditor(form);

        Click(cut, "Save draft");

        cut.WaitForAssertion(() => Assert.Single(Campaigns.Saved));
        Assert.Same(form, Campaigns.Saved[0]);
        Assert.Equal("Order shipped", Campaigns.Saved[0].Name);
        Assert.Equal(CampaignStatus.Draft, Campaigns.Saved[0].Status);
        Assert.Empty(Campaigns.StatusChanges);
        cut.WaitForAssertion(() => Assert.EndsWith($"/campaigns/{form.CampaignId}", CurrentUri));
    }

    [Fact]
    public void SaveDraft_InvalidCampaign_DoesNotCallTheServiceAndRevealsProblems()
    {
        var cut = RenderNew(CampaignType.Api);

        Click(cut, "Save draft");

        cut.WaitForAssertion(() => Assert.Contains("Fix the 1 problem shown in red before saving", cut.Find("[role=alert]").TextContent));
        Assert.Equal("Give the campaign a name.", ErrorUnder(cut, "Name"));
        Assert.Empty(Campaigns.Saved);
        Assert.True(StepShowsError(cut, "Details"));
    }

    [Fact]
    public void SaveDraft_UnfinishedButCorrect_IsSaved()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        form.Name = "Half written";
        CampaignFormEditing.AddChannel(form, Channel.Email);
        var cut = RenderEditor(form);
        GoToStep(cut, "Review");

        NoticeSaying(cut, "You can save this as a draft; fix 3 problems before launching:");
        Click(cut, "Save as draft");

        cut.WaitForAssertion(() => Assert.Same(form, Assert.Single(Campaigns.Saved)));
        Assert.Empty(Campaigns.StatusChanges);
    }

    [Fact]
    public void SaveDraft_ApiCampaignWithOnlyAName_IsSaved()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.Api);
        form.Name = "Receipts, channels to come";
        var cut = RenderEditor(form);

        Click(cut, "Save draft");

        cut.WaitForAssertion(() => Assert.Same(form, Assert.Single(Campaigns.Saved)));
    }

    [Fact]
    public async Task Launch_UnfinishedCampaign_IsDisabledAndTheProblemLeadsToTheField()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        form.Name = "Half written";
        CampaignFormEditing.AddChannel(form, Channel.Sms);
        var cut = RenderEditor(form);
        GoToStep(cut, "Review");

        NoticeSaying(cut, "You can save this as a draft; fix 1 problem before launching:");
        Assert.True(Button(cut, "Launch").HasAttribute("disabled"));
        Assert.Empty(Campaigns.Saved);
        // Found and clicked in one dispatch: the review step may still be rendering its problems list.
        await cut.InvokeAsync(() => cut.Find("[aria-label='Problems'] button").Click());
        cut.WaitForAssertion(() => Assert.Equal("Body is required.", ErrorUnder(cut, "SMS body")));
    }

    [Fact]
    public void Launch_ValidCampaign_SavesThenLaunchesWithTheSavedVersion()
    {
        var version = Guid.NewGuid();
        Campaigns.SaveAnswer = f => WriteResult.Done("0b0f3a52-5c1e-4f43-9d3f-1f2d3c4b5a69", version);
        var form = ValidForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        GoToStep(cut, "Review");

        Click(cut, "Launch");

        cut.WaitForAssertion(() => Assert.Single(Campaigns.StatusChanges));
        Assert.Equal(("0b0f3a52-5c1e-4f43-9d3f-1f2d3c4b5a69", CampaignAction.Launch, version), Campaigns.StatusChanges[0]);
        Assert.Single(Campaigns.Saved);
        cut.WaitForAssertion(() => Assert.EndsWith("/campaigns/0b0f3a52-5c1e-4f43-9d3f-1f2d3c4b5a69", CurrentUri));
    }

    [Fact]
    public void Launch_RefusedAfterSaving_SaysTheDraftWasSavedAndStays()
    {
        Campaigns.StatusAnswer = WriteResult.NotAllowed("Only a draft can be launched.");
        var form = ValidForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        GoToStep(cut, "Review");

        Click(cut, "Launch");

        cut.WaitForAssertion(() =>
            Assert.Contains("Saved as a draft but not launched. Only a draft can be launched.", cut.Find("[role=alert]").TextContent));
        Assert.NotNull(form.CampaignId);
        Assert.Equal(CampaignStatus.Draft, form.Status);
        Assert.DoesNotContain("/campaigns/", CurrentUri);
    }

    [Fact]
    public void Save_Conflict_ShowsChangedMeanwhileMessageAndKeepsInput()
    {
        Campaigns.SaveAnswer = _ => WriteResult.Conflict();
        var form = ValidForm(CampaignType.Api);
        form.CampaignId = Ids.NewId();
        form.Version = Guid.NewGuid();
        var cut = RenderEditor(form);
        Type(cut, "Name", "Order shipped (new wording)");

        Click(cut, "Save draft");

        cut.WaitForAssertion(() => Assert.Contains("This campaign was changed by someone else meanwhile: reload", cut.Find("[role=alert]").TextContent));
        Assert.NotNull(Button(cut, "Reload"));
        Assert.Equal("Order shipped (new wording)", Field(cut, "Name").GetAttribute("value"));
        Assert.Equal("Order shipped (new wording)", form.Name);
        Assert.DoesNotContain("/campaigns/", CurrentUri);
    }

    [Fact]
    public void Save_ServiceRefusesFields_ShowsItsMessagesNextToThoseFields()
    {
        var errors = new ValidationErrors();
        errors.Add(CampaignFields.Name, "Another campaign is called \"Order shipped\".");
        errors.Add(CampaignFields.Message(0, Channel.Sms, SmsFields.Body), "The body is too long.");
        Campaigns.SaveAnswer = _ => WriteResult.Invalid(errors);
        var cut = RenderEditor(ValidForm(CampaignType.ApiTriggered));

        Click(cut, "Save draft");

        cut.WaitForAssertion(() => Assert.Equal("Another campaign is called \"Order shipped\".", ErrorUnder(cut, "Name")));
        Assert.Contains("Fix the highlighted fields before saving.", cut.Find("[role=alert]").TextContent);
        GoToStep(cut, "Channels");
        cut.WaitForAssertion(() => Assert.Equal("The body is too long.", ErrorUnder(cut, "SMS body")));
    }

    [Fact]
    public async Task SaveButton_WhileSaving_IsDisabled()
    {
        Campaigns.SaveGate = new TaskCompletionSource();
        var cut = RenderEditor(ValidForm(CampaignType.Api));

        Click(cut, "Save draft");

        cut.WaitForAssertion(() => Assert.True(Button(cut, "Save draft").HasAttribute("disabled")));
        Campaigns.SaveGate.SetResult();
        await cut.InvokeAsync(() => Task.CompletedTask);
        cut.WaitForAssertion(() => Assert.EndsWith($"/campaigns/{Campaigns.Saved[0].CampaignId}", CurrentUri));
    }

    [Fact]
    public void Delivery_ReeligibilityBeyond720Days_ShowsMessage()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        form.ReeligibilityEnabled = true;
        form.ReeligibilityUnit = ReeligibilityUnit.Days;
        var cut = RenderEditor(form);
        GoToStep(cut, "Delivery");

        Type(cut, "Re-eligible after", "721");

        cut.WaitForAssertion(() => Assert.Equal("The re-eligibility window is at most 720 days.", ErrorUnder(cut, "Re-eligible after")));
    }

    [Fact]
    public void Delivery_ScheduleEndBeforeStart_ShowsMessageNextToTheEnd()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        GoToStep(cut, "Delivery");

        Type(cut, "Campaign start (UTC)", "2026-12-24T09:00");
        Type(cut, "Campaign end (UTC)", "2026-12-23T09:00");

        cut.WaitForAssertion(() => Assert.Equal("The campaign's end must come after its start.", ErrorUnder(cut, "Campaign end (UTC)")));
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.Zero), form.StartsAt);
    }

    [Theory]
    [InlineData(MessageType.Transactional, true)]
    [InlineData(MessageType.Marketing, false)]
    public void Delivery_CreateNewProfilesSwitch_OnlyForTransactionalCampaigns(MessageType type, bool shown)
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        form.MessageType = type;
        var cut = RenderEditor(form);
        GoToStep(cut, "Delivery");

        var switches = cut.FindAll("label").Where(l => l.TextContent.Contains("Create new profiles")).ToList();

        Assert.Equal(shown, switches.Count == 1);
        if (shown)
        {
            switches[0].QuerySelector("input")!.Change(false);
            cut.WaitForAssertion(() => Assert.False(form.CreateNewProfiles));
            Assert.Contains("only existing profiles are sent to", TextOf(cut));
        }
    }

    [Fact]
    public void Delivery_ThrottleSwitchedOnAndSetTooHigh_SaysTheRangeAtTheField()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        GoToStep(cut, "Delivery");

        cut.FindAll("label").Single(l => l.TextContent.Contains("Limit how fast")).QuerySelector("input")!.Change(true);
        cut.WaitForAssertion(() => Assert.Equal(100, form.ThrottlePerSecond));
        Type(cut, "Messages per second", "5000");

        cut.WaitForAssertion(() => Assert.Equal("Throttle delivery to 1 to 2,000 messages per second.", ErrorUnder(cut, "Messages per second")));
    }

    [Fact]
    public void Delivery_ZeroMinutes_IsAccepted()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        GoToStep(cut, "Delivery");

        cut.FindAll("label").Single(l => l.TextContent.Trim().StartsWith("Let users become re-eligible")).QuerySelector("input")!.Click();
        cut.WaitForAssertion(() => ChooseOption(cut, "Unit", "minutes"));
        Type(cut, "Re-eligible after", "0");

        Assert.True(form.ReeligibilityEnabled);
        Assert.Equal(ReeligibilityUnit.Minutes, form.ReeligibilityUnit);
        Assert.Null(ErrorUnder(cut, "Re-eligible after"));
    }

    [Fact]
    public async Task NavigatingAway_WithUnsavedChanges_AsksAndStaysOnStay()
    {
        var cut = RenderNew(CampaignType.Api);
        Type(cut, "Name", "Half typed");
        var nav = Services.GetRequiredService<NavigationManager>();
        var before = nav.Uri;

        var leaving = cut.InvokeAsync(() => nav.NavigateTo("/"));
        DialogProvider.WaitForAssertion(() => Assert.Contains("Leave without saving?", DialogText(DialogProvider)));
        await DialogProvider.InvokeAsync(() => DialogProvider.FindAll("button").Single(b => b.TextContent.Trim() == "Stay").Click());
        await leaving;

        Assert.Equal(before, nav.Uri);
        Assert.Equal("Half typed", Field(cut, "Name").GetAttribute("value"));
    }

    [Fact]
    public void NavigatingAway_NothingChanged_LeavesWithoutAsking()
    {
        RenderNew(CampaignType.Api);
        var nav = Services.GetRequiredService<NavigationManager>();

        nav.NavigateTo("/");

        Assert.EndsWith("/", nav.Uri);
        Assert.Empty(DialogProvider.FindAll("[role=dialog]"));
    }
}
