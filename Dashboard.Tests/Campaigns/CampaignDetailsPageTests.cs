using Bunit;
using Dashboard.Campaigns;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Campaigns;

public class CampaignDetailsPageTests : DashboardTestContext
{
    private IRenderedComponent<CampaignDetailsPage> RenderPage(string campaignId)
    {
        var cut = Render<CampaignDetailsPage>(p => p.Add(c => c.CampaignId, campaignId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("h1")));
        return cut;
    }

    [Fact]
    public void ApiCampaign_Opened_ShowsCampaignIdAndEachChannelsVariationIdWithCopyButtons()
    {
        var campaign = Campaigns.Add(PageSamples.Api());

        var cut = RenderPage(campaign.CampaignId!);

        Assert.Equal("Order receipts", cut.Find("h1").TextContent);
        Assert.Equal(campaign.CampaignId, SectionHeaded(cut, "Campaign API identifier").QuerySelector("code")!.TextContent);
        Assert.Equal(campaign.CampaignId, cut.Find("[data-testid=campaign-id]").TextContent);
        Assert.NotNull(cut.Find("button[aria-label='Copy campaign ID']"));
        foreach (var (channel, label) in new[] { (0, "Email"), (1, "SMS/MMS") })
        {
            Assert.Contains(label, RowWith(cut, campaign.Channels[channel].MessageVariationId!).TextContent);
            Assert.NotNull(cut.Find($"button[aria-label='Copy {label} message variation ID']"));
        }
        var details = SectionHeaded(cut, "Details");
        Assert.Equal("Receipts sent by the order service.", DefinitionOf(details, "Description"));
        Assert.Contains("orders", DefinitionOf(details, "Tags"));
    }

    [Fact]
    public void ApiCampaign_CopyCampaignId_PutsTheIdOnTheClipboard()
    {
        var campaign = Campaigns.Add(PageSamples.Api());
        var cut = RenderPage(campaign.CampaignId!);

        cut.Find("button[aria-label='Copy campaign ID']").Click();

        var call = Assert.Single(JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText");
        Assert.Equal(campaign.CampaignId, call.Arguments[0]);
    }

    [Fact]
    public void ApiTriggeredCampaign_Opened_ShowsVariantsControlGroupReeligibilityAndMessageType()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered());

        var cut = RenderPage(campaign.CampaignId!);

        var table = cut.Find("[aria-label='Variants and their message variation IDs']");
        foreach (var variant in campaign.Variants)
        {
            var id = variant.Messages.Single().MessageVariationId!;
            Assert.Contains(id, RowWith(cut, id).TextContent);
            Assert.NotNull(cut.Find($"button[aria-label='Copy {variant.Name} Email message variation ID']"));
            Assert.Contains(variant.Name, table.TextContent);
        }
        var control = RowWith(cut, campaign.ControlVariationId!);
        Assert.Contains("Control group", control.TextContent);
        Assert.Contains("10%", control.TextContent);
        Assert.NotNull(cut.Find("button[aria-label='Copy control group ID']"));
        Assert.Contains("45%", RowWith(cut, campaign.Variants[0].Messages.Single().MessageVariationId!).TextContent);
        var details = SectionHeaded(cut, "Details");
        Assert.StartsWith("Users can receive this campaign again after 2 weeks", DefinitionOf(details, "Re-eligibility"));
        Assert.StartsWith("Marketing:", DefinitionOf(details, "Message type"));
    }

    [Fact]
    public void ApiTriggeredCampaign_Opened_LinksToItsPreviewMatrix()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered());

        var cut = RenderPage(campaign.CampaignId!);

        var link = Assert.Single(cut.FindAll("a"), a => a.TextContent.Trim() == "Preview matrix");
        Assert.Equal($"/campaigns/{campaign.CampaignId}/preview-matrix", link.GetAttribute("href"));
    }

    [Fact]
    public void ApiTriggeredCampaign_Opened_ShowsEachVariantsMessageRenderedWithTheFirstSavedPayload()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered());
        SampleData.AddPayload(campaign.CampaignId!, "Mug order", """{"product_name": "Blue mug", "discount": "10%"}""");
        SampleData.AddPayload(campaign.CampaignId!, "Lamp order", """{"product_name": "Lamp", "discount": "5%"}""");

        var cut = RenderPage(campaign.CampaignId!);

        cut.WaitForAssertion(() => Assert.Contains("Rendered with the sample “Mug order”.", cut.Find("[aria-label='What each variant sends']").TextContent));
        Assert.Contains("Your Blue mug is waiting", cut.Find("[aria-label='Variant 1 preview']").TextContent);
        Assert.Contains("Still thinking about Blue mug? 10% off", cut.Find("[aria-label='Variant 2 preview']").TextContent);
        Assert.DoesNotContain("Lamp", cut.Find("[aria-label='What each variant sends']").TextContent);
    }

    [Fact]
    public void ApiTriggeredCampaign_WithoutSamplePayloads_RendersItsVariantsWithAnEmptyOneAndSaysSo()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered());

        var cut = RenderPage(campaign.CampaignId!);

        cut.WaitForAssertion(() => Assert.Contains("an empty payload (no sample payload is saved yet)", cut.Find("[aria-label='What each variant sends']").TextContent));
        Assert.Contains("Your  is waiting", cut.Find("[aria-label='Variant 1 preview']").TextContent);
    }

    [Fact]
    public void ApiCampaign_Opened_HasNoPreviewMatrixLink()
    {
        var campaign = Campaigns.Add(PageSamples.Api());

        var cut = RenderPage(campaign.CampaignId!);

        Assert.DoesNotContain(cut.FindAll("a"), a => a.TextContent.Contains("Preview matrix"));
        Assert.DoesNotContain(cut.FindAll("a"), a => a.GetAttribute("href")?.Contains("preview-matrix") == true);
    }

    [Fact]
    public void Campaign_WithConversionEvents_ListsThemInOrderWithTheFirstMarkedPrimary()
    {
        var campaign = Campaigns.Add(PageSamples.Api());

        var cut = RenderPage(campaign.CampaignId!);

        var events = cut.FindAll("ol.conversion-events li");
        Assert.Equal(2, events.Count);
        Assert.Contains("Makes any purchase within 3 days", events[0].TextContent);
        Assert.Contains("Primary", events[0].TextContent);
        Assert.Contains("Opens Email within 12 hours", events[1].TextContent);
        Assert.DoesNotContain("Primary", events[1].TextContent);
    }

    [Fact]
    public void Campaign_UnknownId_SaysSoAndLinksBackToTheList()
    {
        var cut = RenderPage("4861692e-6fce-4215-bd05-3254fb9e9057");

        Assert.Equal("Campaign not found", cut.Find("h1").TextContent);
        Assert.Contains("No campaign has the ID 4861692e-6fce-4215-bd05-3254fb9e9057.", NoticeSaying(cut, "No campaign has the ID").TextContent);
        Assert.Contains(cut.FindAll("a"), a => a.TextContent.Contains("Back to campaigns") && a.GetAttribute("href") == "/");
    }

    [Theory]
    [InlineData(CampaignStatus.Draft, new[] { "Launch", "Archive", "Edit", "Duplicate", "Delete" })]
    [InlineData(CampaignStatus.Active, new[] { "Stop", "Archive", "Edit", "Duplicate" })]
    [InlineData(CampaignStatus.Stopped, new[] { "Resume", "Archive", "Edit", "Duplicate" })]
    [InlineData(CampaignStatus.Archived, new[] { "Unarchive", "Duplicate" })]
    public void Campaign_InEachStatus_OffersOnlyTheActionsThatApply(CampaignStatus status, string[] expected)
    {
        var campaign = Campaigns.Add(PageSamples.Triggered(status: status));

        var cut = RenderPage(campaign.CampaignId!);

        var actions = cut.Find("[role=group][aria-label='Campaign actions']").Children.Select(b => b.TextContent.Trim()).ToArray();
        Assert.Equal(expected, actions);
        Assert.Contains(status.ToString(), cut.Find("h1").ParentElement!.TextContent);
    }

    [Fact]
    public void Campaign_Launch_ShowsTheNewStatusAndItsActions()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered());
        var cut = RenderPage(campaign.CampaignId!);

        ActionButton(cut, "Launch").Click();

        cut.WaitForAssertion(() => Assert.Contains(ActionNames(cut), a => a == "Stop"));
        var change = Assert.Single(Campaigns.StatusChanges);
        Assert.Equal((campaign.CampaignId!, CampaignAction.Launch), (change.CampaignId, change.Action));
        Assert.DoesNotContain("Launch", ActionNames(cut));
        Assert.DoesNotContain("Delete", ActionNames(cut));
    }

    [Fact]
    public void Campaign_LaunchRefusedAsInvalid_ListsEveryProblem()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered());
        var errors = new ValidationErrors();
        errors.Add(CampaignFields.Percentages, "The percentages add up to 90%; they must add up to exactly 100%.");
        errors.Add(CampaignFields.Message(0, Channel.Email, EmailFields.Subject), "Subject is required.");
        Campaigns.NextRefusal = WriteResult.Invalid(errors);
        var cut = RenderPage(campaign.CampaignId!);

        ActionButton(cut, "Launch").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[role=alert]")));
        var alert = cut.Find("[role=alert]");
        Assert.Contains("Launch refused.", alert.TextContent);
        var problems = alert.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(["The percentages add up to 90%; they must add up to exactly 100%.", "Subject is required."], problems);
        Assert.Equal(CampaignStatus.Draft, campaign.Status);
    }

    [Fact]
    public void Campaign_ActionAfterSomeoneElseChangedIt_SaysReloadAndReloadShowsTheirChange()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Active));
        var dialogs = RenderDialogs();
        var cut = RenderPage(campaign.CampaignId!);
        // Another tab stops the campaign: the version this page holds is now stale.
        campaign.Status = CampaignStatus.Stopped;
        campaign.Version = Guid.NewGuid();

        ActionButton(cut, "Stop").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Stop campaign").Click());

        cut.WaitForAssertion(() => Assert.Contains("changed by someone else", cut.Find("[role=alert]").TextContent));
        Assert.Equal(CampaignStatus.Stopped, campaign.Status);
        cut.FindAll("[role=alert] button").Single(b => b.TextContent.Trim() == "Reload").Click();
        cut.WaitForAssertion(() => Assert.Contains("Resume", ActionNames(cut)));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public void Campaign_Duplicate_NavigatesToTheCopy()
    {
        var campaign = Campaigns.Add(PageSamples.Api());
        var cut = RenderPage(campaign.CampaignId!);

        ActionButton(cut, "Duplicate").Click();

        cut.WaitForAssertion(() => Assert.Matches("/campaigns/[0-9a-f-]{36}$", CurrentUri));
        Assert.DoesNotContain(campaign.CampaignId!, CurrentUri);
    }

    [Fact]
    public void Campaign_ArchiveCancelled_ChangesNothing()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Active));
        var dialogs = RenderDialogs();
        var cut = RenderPage(campaign.CampaignId!);

        ActionButton(cut, "Archive").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Archive “Cart reminder”?", DialogText(dialogs)));
        Assert.Contains("its calls are refused", DialogText(dialogs));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")));
        Assert.Empty(Campaigns.StatusChanges);
        Assert.Equal(CampaignStatus.Active, campaign.Status);
    }

    [Fact]
    public void Campaign_StopConfirmed_ThenUndoInTheNotice_ResumesIt()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Active));
        var dialogs = RenderDialogs();
        var snackbars = Render<MudSnackbarProvider>();
        var cut = RenderPage(campaign.CampaignId!);

        ActionButton(cut, "Stop").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Stop campaign").Click());
        cut.WaitForAssertion(() => Assert.Contains("Resume", ActionNames(cut)));
        snackbars.WaitForAssertion(() => Assert.Contains("Campaign stopped: Cart reminder", snackbars.Markup));
        snackbars.FindAll("button").Single(b => b.TextContent.Trim() == "Undo").Click();

        cut.WaitForAssertion(() => Assert.Contains("Stop", ActionNames(cut)));
        Assert.Equal([CampaignAction.Stop, CampaignAction.Resume], Campaigns.StatusChanges.Select(c => c.Action));
        Assert.Equal(CampaignStatus.Active, campaign.Status);
    }

    [Fact]
    public void Campaign_DeleteCancelled_KeepsTheCampaign()
    {
        var campaign = Campaigns.Add(PageSamples.Api());
        var dialogs = RenderDialogs();
        var cut = RenderPage(campaign.CampaignId!);

        ActionButton(cut, "Delete").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete this draft?", DialogText(dialogs)));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")));
        Assert.Empty(Campaigns.Deleted);
        Assert.Equal("Order receipts", cut.Find("h1").TextContent);
    }

    [Fact]
    public void Campaign_DeleteConfirmed_DeletesAndReturnsToTheList()
    {
        var campaign = Campaigns.Add(PageSamples.Api());
        var dialogs = RenderDialogs();
        var cut = RenderPage(campaign.CampaignId!);

        ActionButton(cut, "Delete").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("“Order receipts” and its IDs will be deleted", DialogText(dialogs)));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        cut.WaitForAssertion(() => Assert.Equal([campaign.CampaignId!], Campaigns.Deleted));
        Assert.Equal("http://localhost/", CurrentUri);
    }

    [Fact]
    public void ApiCampaign_Opened_ShowsTheMessagesSendRequestAsJsonAndCurlNamingItsIds()
    {
        var campaign = Campaigns.Add(PageSamples.Api());

        var cut = RenderPage(campaign.CampaignId!);

        var json = cut.Find("pre[aria-label='JSON body']").TextContent;
        using var body = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(campaign.CampaignId, body.RootElement.GetProperty("campaign_id").GetString());
        var messages = body.RootElement.GetProperty("messages");
        Assert.Equal(campaign.Channels[0].MessageVariationId, messages.GetProperty("email").GetProperty("message_variation_id").GetString());
        Assert.Equal(campaign.Channels[1].MessageVariationId, messages.GetProperty("sms").GetProperty("message_variation_id").GetString());
        var curl = cut.Find("pre[aria-label='cURL request']").TextContent;
        Assert.StartsWith($"curl -X POST '{PublicUrl}/messages/send'", curl);
        Assert.Contains(campaign.CampaignId!, curl);
        Assert.NotNull(cut.Find("button[aria-label='Copy JSON body']"));
        Assert.NotNull(cut.Find("button[aria-label='Copy cURL request']"));
    }

    [Theory]
    [InlineData(CampaignType.Api, "messages.send")]
    [InlineData(CampaignType.ApiTriggered, "campaigns.trigger.send")]
    public void Campaign_Opened_SaysWhichKeyTheRequestNeedsAndLinksToTheKeysPage(CampaignType type, string permission)
    {
        var campaign = Campaigns.Add(type == CampaignType.Api ? PageSamples.Api() : PageSamples.Triggered());

        var cut = RenderPage(campaign.CampaignId!);

        var note = cut.Find("[data-testid=key-note]");
        Assert.Equal($"Replace YOUR-REST-API-KEY with a REST API key that has the permission {permission}. Create an API key", Normalize(note.TextContent));
        Assert.Equal("/settings/api-keys", note.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Campaign_NoPublicUrlConfigured_RequestTargetsTheAddressTheDashboardWasOpenedAt()
    {
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new Dashboard.Campaigns.Handoff.HandoffOptions()));
        var campaign = Campaigns.Add(PageSamples.Triggered());

        var cut = RenderPage(campaign.CampaignId!);

        Assert.StartsWith("curl -X POST 'http://localhost/campaigns/trigger/send'", cut.Find("pre[aria-label='cURL request']").TextContent);
    }

    [Fact]
    public void ApiCampaign_Opened_SaysItIgnoresTheGlobalControlGroupAndShowsBothUnsubscribeHeaders()
    {
        var campaign = Campaigns.Add(PageSamples.Api());

        var cut = RenderPage(campaign.CampaignId!);

        var notes = cut.Find("ul.handoff-notes").TextContent;
        Assert.Contains("ignore the Global Control Group", notes);
        Assert.Contains("no one-click List-Unsubscribe header", notes);
        var headers = cut.Find("pre[aria-label='List-Unsubscribe headers']").TextContent;
        Assert.Equal("List-Unsubscribe: <{{${set_user_to_one_click_list_unsubscribe}}}>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click", headers);
    }

    [Fact]
    public void ApiCampaign_CopyJsonBody_PutsTheWholeRequestBodyOnTheClipboard()
    {
        var campaign = Campaigns.Add(PageSamples.Api());
        var cut = RenderPage(campaign.CampaignId!);

        cut.Find("button[aria-label='Copy JSON body']").Click();

        var call = Assert.Single(JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText");
        Assert.Equal(cut.Find("pre[aria-label='JSON body']").TextContent, call.Arguments[0]);
        Assert.Contains(campaign.CampaignId!, (string)call.Arguments[0]!);
    }

    [Fact]
    public void ApiTriggeredCampaign_WithASavedPayload_TheExampleRequestCarriesIt()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered());
        SampleData.AddPayload(campaign.CampaignId!, "Shoes order", "{\"product_name\": \"Shoes\", \"item_count\": 2, \"discount\": \"10%\"}");
        SampleData.AddPayload(campaign.CampaignId!, "Second", "{\"product_name\": \"Hat\"}");

        var cut = RenderPage(campaign.CampaignId!);

        cut.WaitForAssertion(() => Assert.Contains("Shoes", cut.Find("pre[aria-label='JSON body']").TextContent));
        using var body = System.Text.Json.JsonDocument.Parse(cut.Find("pre[aria-label='JSON body']").TextContent);
        var properties = body.RootElement.GetProperty("trigger_properties");
        Assert.Equal("Shoes", properties.GetProperty("product_name").GetString());
        Assert.Equal(2, properties.GetProperty("item_count").GetInt32());
        Assert.Contains("first sample payload, “Shoes order”", cut.Find("[data-testid=example-source]").TextContent);
        Assert.Contains("\"product_name\": \"Shoes\"", cut.Find("pre[aria-label='cURL request']").TextContent);
    }

    [Fact]
    public void ApiTriggeredCampaign_Opened_ShowsTheTriggerRequestWithEveryPropertyTheTemplatesUse()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered());

        var cut = RenderPage(campaign.CampaignId!);

        var json = cut.Find("pre[aria-label='JSON body']").TextContent;
        using var body = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(campaign.CampaignId, body.RootElement.GetProperty("campaign_id").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("recipients").GetArrayLength());
        var keys = body.RootElement.GetProperty("trigger_properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["product_name", "item_count", "discount"], keys);
        Assert.Contains("product_name", cut.Find("[data-testid=trigger-properties]").TextContent);
        var curl = cut.Find("pre[aria-label='cURL request']").TextContent;
        Assert.StartsWith($"curl -X POST '{PublicUrl}/campaigns/trigger/send'", curl);
        Assert.Contains(campaign.CampaignId!, curl);
        var note = NoticeSaying(cut, "This campaign is a draft: requests naming it take effect once it is launched.");
        Assert.True(SectionHeaded(cut, "Developer handoff").Contains(note), "the draft note belongs to the developer handoff");
    }

    [Fact]
    public void Campaign_RouteMovesToAnotherCampaign_ShowsThatCampaign()
    {
        var first = Campaigns.Add(PageSamples.Api());
        var second = Campaigns.Add(PageSamples.Triggered());
        var cut = RenderPage(first.CampaignId!);

        cut.Render(p => p.Add(c => c.CampaignId, second.CampaignId!));

        cut.WaitForAssertion(() => Assert.Equal("Cart reminder", cut.Find("h1").TextContent));
        Assert.Equal(second.CampaignId, cut.Find("[data-testid=campaign-id]").TextContent);
        Assert.Contains("/campaigns/trigger/send", cut.Find("pre[aria-label='cURL request']").TextContent);
    }

    [Fact]
    public void ActiveCampaign_Opened_ShowsNoInactivityNote()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Active));

        var cut = RenderPage(campaign.CampaignId!);

        Assert.DoesNotContain(Notices(cut), a => a.Contains("requests naming it take effect", StringComparison.Ordinal));
    }

    [Fact]
    public void Campaign_ActionNotAllowed_ShowsTheServicesReason()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Stopped));
        Campaigns.NextRefusal = WriteResult.NotAllowed("A stopped campaign cannot be resumed while its variants are being edited.");
        var cut = RenderPage(campaign.CampaignId!);

        ActionButton(cut, "Resume").Click();

        cut.WaitForAssertion(() => Assert.Contains(
            "Resume refused. A stopped campaign cannot be resumed while its variants are being edited.", cut.Find("[role=alert]").TextContent));
        Assert.Contains("Resume", ActionNames(cut));
    }

    private static AngleSharp.Dom.IElement ActionButton(IRenderedComponent<CampaignDetailsPage> cut, string name) =>
        cut.Find("[role=group][aria-label='Campaign actions']").Children.Single(b => b.TextContent.Trim() == name);

    private static List<string> ActionNames(IRenderedComponent<CampaignDetailsPage> cut) =>
        cut.Find("[role=group][aria-label='Campaign actions']").Children.Select(b => b.TextContent.Trim()).ToList();
}
