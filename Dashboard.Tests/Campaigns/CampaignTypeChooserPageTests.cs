using Bunit;
using Dashboard.Campaigns;

namespace Dashboard.Tests.Campaigns;

public class CampaignTypeChooserPageTests : DashboardTestContext
{
    [Fact]
    public void Chooser_Always_ExplainsWhoWritesTheContentAndWhichEndpointForBothTypes()
    {
        var cut = Render<CampaignTypeChooserPage>();

        // Each type is a region named by its heading.
        var cards = cut.FindAll("[role=region][aria-labelledby]");
        Assert.Equal(2, cards.Count);
        var api = cards.Single(c => c.QuerySelector("h2")!.TextContent == "API campaign");
        var triggered = cards.Single(c => c.QuerySelector("h2")!.TextContent == "API-triggered campaign");
        Assert.Contains("POST /messages/send", api.TextContent);
        Assert.Contains("developers", api.TextContent);
        Assert.Contains("POST /campaigns/trigger/send", triggered.TextContent);
        Assert.Contains("marketer", triggered.TextContent);
        foreach (var card in cards)
        {
            var facts = card.QuerySelectorAll("dt").Select(d => d.TextContent).ToList();
            Assert.Equal(["Who writes the content", "What developers call", "Typical use"], facts);
        }
    }

    [Fact]
    public void Chooser_EachTypesButton_LeadsToThatTypesEditor()
    {
        var cut = Render<CampaignTypeChooserPage>();

        var links = cut.FindAll("a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal("/campaigns/new/api", links["Create API campaign"]);
        Assert.Equal("/campaigns/new/api-triggered", links["Create API-triggered campaign"]);
    }
}
