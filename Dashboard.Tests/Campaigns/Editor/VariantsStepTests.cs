using Bunit;
using Dashboard.Campaigns;
using Dashboard.Campaigns.Editor;

namespace Dashboard.Tests.Campaigns.Editor;

public class VariantsStepTests : DashboardTestContext
{
    [Fact]
    public void AddVariant_EightVariants_ButtonDisabledWithNote()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        GoToStep(cut, "Variants");

        for (var i = 0; i < 7; i++)
        {
            Click(cut, "Add variant");
        }

        cut.WaitForAssertion(() => Assert.True(Button(cut, "Add variant").HasAttribute("disabled")));
        Assert.Equal(8, form.Variants.Count);
        Assert.Equal(8, cut.FindAll("[role=group][aria-label^='Variant ']").Count);
        Assert.Equal("A campaign has at most 8 variants.", DescriptionOf(cut, Button(cut, "Add variant")));
        Assert.Null(CampaignFormEditing.AddVariant(form));
    }

    [Fact]
    public void AddVariant_EachVariant_HasItsOwnVariationIdAndTheFirstVariantsCopy()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        GoToStep(cut, "Variants");

        Button(cut, "Add variant").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, form.Variants.Count));
        var second = form.Variants[1];
        Assert.Equal("Variant 2", second.Name);
        var id = second.Messages[0].MessageVariationId;
        Assert.True(Ids.IsVariationId(id));
        Assert.NotEqual(form.Variants[0].Messages[0].MessageVariationId, id);
        Assert.Equal(form.Variants[0].Messages[0][SmsFields.Body], second.Messages[0][SmsFields.Body]);
        Assert.NotSame(form.Variants[0].Messages[0], second.Messages[0]);
        Assert.Equal(id, cut.Find("code[aria-label='Variant 2 SMS/MMS message variation ID']").TextContent);
        Assert.NotNull(cut.Find("button[aria-label='Copy Variant 2 SMS/MMS message variation ID']"));
    }

    [Fact]
    public void Percentages_NotSummingTo100_ShowsRunningTotalAndMessage()
    {
        var cut = RenderNew(CampaignType.ApiTriggered);
        GoToStep(cut, "Variants");
        Button(cut, "Add variant").Click();

        PercentageIn(cut, "Variant 1").Input("60");

        cut.WaitForAssertion(() => Assert.Equal("Total: 60%", ByRole(cut, "status", "Total of the percentages").TextContent.Trim()));
        Assert.Contains("The percentages add up to 60%; they must add up to exactly 100%.", cut.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void EvenSplit_ThreeVariants_Gives34And33And33()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        GoToStep(cut, "Variants");
        Button(cut, "Add variant").Click();
        Click(cut, "Add variant");

        Click(cut, "Even split");

        Assert.Equal([34, 33, 33], form.Variants.Select(v => v.Percentage));
        cut.WaitForAssertion(() => Assert.Equal("Total: 100%", ByRole(cut, "status", "Total of the percentages").TextContent.Trim()));
    }

    [Fact]
    public void EvenSplit_WithControlGroup_SplitsOverVariantsAndControl()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        CampaignFormEditing.AddVariant(form);
        CampaignFormEditing.SetControlGroup(form, true);

        CampaignFormEditing.EvenSplit(form);

        Assert.Equal([34, 33], form.Variants.Select(v => v.Percentage));
        Assert.Equal(33, form.ControlPercentage);
    }

    [Fact]
    public void ControlGroup_TurnedOn_ShowsItsOwnVariationIdAndNoCopy()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        GoToStep(cut, "Variants");

        cut.Find("[aria-label='Control group'] input[type=checkbox]").Change(true);

        cut.WaitForAssertion(() => Assert.True(form.HasControlGroup));
        Assert.True(Ids.IsVariationId(form.ControlVariationId));
        Assert.Equal(form.ControlVariationId, cut.Find("code[aria-label='Control group variation ID']").TextContent);
        Assert.Equal("Total: 110%", ByRole(cut, "status", "Total of the percentages").TextContent.Trim());
        GoToStep(cut, "Channels");
        // The control group is no variant: the messages step still offers only the variant's copy.
        cut.WaitForAssertion(() => Assert.Equal(["Variant 1"], VariantTabs(cut)));
    }

    [Fact]
    public async Task Save_ActiveCampaignWithChangedSplit_WarnsAndCancelKeepsItUnsaved()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        CampaignFormEditing.AddVariant(form);
        CampaignFormEditing.EvenSplit(form);
        form.CampaignId = Ids.NewId();
        form.Version = Guid.NewGuid();
        form.Status = CampaignStatus.Active;
        var cut = RenderEditor(form);
        GoToStep(cut, "Variants");
        PercentageIn(cut, "Variant 1").Input("70");
        PercentageIn(cut, "Variant 2").Input("30");

        var saving = cut.InvokeAsync(() => Button(cut, "Save changes").Click());

        DialogProvider.WaitForAssertion(() =>
            Assert.Contains("Changing the split of a running campaign invalidates the experiment", DialogText(DialogProvider)));
        DialogProvider.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        await saving;
        cut.WaitForAssertion(() => NoticeSaying(cut, "Not saved; your changes are still here."));
        Assert.Empty(Campaigns.Saved);
        Assert.Equal([70, 30], form.Variants.Select(v => v.Percentage));
    }

    [Fact]
    public async Task Save_ActiveCampaignWithChangedSplitConfirmed_Saves()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        CampaignFormEditing.AddVariant(form);
        CampaignFormEditing.EvenSplit(form);
        form.CampaignId = Ids.NewId();
        form.Version = Guid.NewGuid();
        form.Status = CampaignStatus.Active;
        var cut = RenderEditor(form);
        GoToStep(cut, "Variants");
        Click(cut, "Add variant");
        Click(cut, "Even split");

        var saving = cut.InvokeAsync(() => Button(cut, "Save changes").Click());
        DialogProvider.WaitForAssertion(() => DialogProvider.FindAll("button").Single(b => b.TextContent.Trim() == "Save anyway").Click());
        await saving;

        cut.WaitForAssertion(() => Assert.Single(Campaigns.Saved));
        Assert.Equal(3, Campaigns.Saved[0].Variants.Count);
    }

    [Fact]
    public void Save_ActiveCampaignWithUnchangedSplit_SavesWithoutWarning()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        form.CampaignId = Ids.NewId();
        form.Version = Guid.NewGuid();
        form.Status = CampaignStatus.Active;
        var cut = RenderEditor(form);

        Button(cut, "Save changes").Click();

        cut.WaitForAssertion(() => Assert.Single(Campaigns.Saved));
        Assert.Empty(DialogProvider.FindAll("[role=dialog]"));
    }

    // The variant tabs of the messages step: every tab but the editor's step buttons.
    private static IEnumerable<string> VariantTabs(Bunit.IRenderedComponent<CampaignEditor> cut) =>
        cut.FindAll("[role=tab]").Except(cut.FindAll("button[role=tab]")).Select(t => t.TextContent.Trim());
}
