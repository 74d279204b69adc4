using BrazeLite.Core;
using BrazeLite.Core.Accounts;
using BrazeLite.Core.Campaigns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BrazeLite.LoadTest;

/// <summary>Creates the database and launches the campaign the load runs trigger, through the core's own services.</summary>
public static class Seed
{
    public static async Task<string> CampaignAsync(string databasePath)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Dashboard"] = $"Data Source={databasePath}" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddBrazeLiteCore();
        using var host = builder.Build();
        await host.Services.MigrateDatabaseAsync();
        var campaigns = host.Services.GetRequiredService<ICampaignService>();
        // The seed acts as an operator would in the dashboard; it is recorded under this name in the audit trail.
        using var operatorScope = AmbientActor.Use(new Actor("load-test", "Load test seed", Roles.Admin));
        // Email only: the usual triggered message (an order confirmation, a password reset).
        Channel[] channels = [Channel.Email];
        var form = new CampaignForm
        {
            Type = CampaignType.ApiTriggered,
            Name = "Load test: order shipped",
            MessageType = MessageType.Marketing,
            Channels = channels.Select(c => new ChannelForm { Channel = c }).ToList(),
            Variants = [Variant("Variant A", 45, channels), Variant("Variant B", 45, channels)],
            HasControlGroup = true,
            ControlPercentage = 10,
            ControlVariationId = Ids.NewId(),
        };
        var saved = await campaigns.SaveAsync(form);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException("the load test campaign does not save: " + saved.Message);
        }
        var launched = await campaigns.ChangeStatusAsync(saved.CampaignId!, CampaignAction.Launch, saved.Version!.Value);
        if (!launched.Succeeded)
        {
            throw new InvalidOperationException("the load test campaign does not launch: " + launched.Message);
        }
        return saved.CampaignId!;
    }

    private static VariantForm Variant(string name, int percentage, Channel[] channels) => new()
    {
        Name = name,
        Percentage = percentage,
        Messages = channels.Select(c => c == Channel.Email
            ? new MessageContentForm
            {
                Channel = c,
                MessageVariationId = Ids.NewId(),
                [EmailFields.From] = "Shop <shop@example.com>",
                [EmailFields.Subject] = "{{${first_name}}}, your {{api_trigger_properties.${product}}} shipped",
                [EmailFields.HtmlBody] = "<p>Thanks for your order.</p>",
            }
            : new MessageContentForm { Channel = c, MessageVariationId = Ids.NewId(), [SmsFields.Body] = "Your {{api_trigger_properties.${product}}} shipped" }).ToList(),
    };
}
