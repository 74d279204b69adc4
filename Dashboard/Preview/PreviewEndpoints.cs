using Dashboard.Campaigns;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Preview;

/// <summary><c>POST /api/preview</c>: renders a Liquid template, or a saved campaign's field, against sample data.</summary>
public static class PreviewEndpoints
{
    public static IEndpointRouteBuilder MapPreviewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/preview", PreviewAsync)
            .WithName("Preview")
            .DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Ok<PreviewResponse>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        HttpRequest request, [FromServices] IPreviewEngine engine, [FromServices] ICampaignService campaigns, CancellationToken ct)
    {
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync(ct);
        }

        var requestReader = new PreviewRequestReader();
        var preview = requestReader.Read(body);
        if (requestReader.BodyError is { } bodyError)
        {
            return TypedResults.Problem(bodyError, statusCode: StatusCodes.Status400BadRequest, title: "Malformed preview request");
        }
        if (preview is null)
        {
            return TypedResults.ValidationProblem(requestReader.Errors, title: "The preview request has invalid properties");
        }

        var template = preview.Template;
        var data = preview.Data;
        if (preview.CampaignField is { } reference)
        {
            var found = await FindFieldAsync(campaigns, reference, ct);
            if (found.Problem is { } problem)
            {
                return problem;
            }
            template = found.Source;
            data = data with { Campaign = found.Campaign };
        }

        var result = string.IsNullOrEmpty(template) ? TemplatePreview.Empty : engine.Render(template, data, preview.ErrorMode, ct);
        return TypedResults.Ok(PreviewResponse.From(result));
    }

    private sealed record FoundField(string Source, PreviewCampaign? Campaign, ProblemHttpResult? Problem);

    private static async Task<FoundField> FindFieldAsync(ICampaignService campaigns, CampaignFieldReference reference, CancellationToken ct)
    {
        static FoundField Fail(int status, string title, string detail) =>
            new("", null, TypedResults.Problem(detail, statusCode: status, title: title));

        var campaign = await campaigns.GetFormAsync(reference.CampaignId, ct);
        if (campaign is null)
        {
            return Fail(StatusCodes.Status404NotFound, "Campaign not found", $"No campaign has the campaign_id \"{reference.CampaignId}\".");
        }
        if (campaign.Type == CampaignType.Api)
        {
            return Fail(StatusCodes.Status400BadRequest, "Nothing to preview",
                $"Campaign \"{campaign.Name}\" is an API campaign: its content is sent with each /messages/send request, so the dashboard holds no template to preview.");
        }
        if (campaign.HasControlGroup && string.Equals(campaign.ControlVariationId, reference.MessageVariationId, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(StatusCodes.Status400BadRequest, "Nothing to preview",
                $"message_variation_id \"{reference.MessageVariationId}\" is the control group of \"{campaign.Name}\", which receives no message.");
        }
        var variant = campaign.Variants.FirstOrDefault(v => string.Equals(v.VariationId, reference.MessageVariationId, StringComparison.OrdinalIgnoreCase));
        if (variant is null)
        {
            return Fail(StatusCodes.Status404NotFound, "Variant not found",
                $"Campaign \"{campaign.Name}\" has no variant with message_variation_id \"{reference.MessageVariationId}\".");
        }
        var channelKey = ChannelInfo.ApiKey(reference.Channel);
        if (campaign.Channels.All(c => c.Channel != reference.Channel))
        {
            var channels = campaign.Channels.Count == 0 ? "none" : string.Join(", ", campaign.Channels.Select(c => ChannelInfo.ApiKey(c.Channel)));
            return Fail(StatusCodes.Status400BadRequest, "Channel not in campaign",
                $"Campaign \"{campaign.Name}\" has no {channelKey} channel; its channels: {channels}.");
        }
        var message = variant.Messages.FirstOrDefault(m => m.Channel == reference.Channel) ?? new MessageContentForm { Channel = reference.Channel };
        var field = MessageFields.Find(message, reference.Field);
        if (field is null)
        {
            return Fail(StatusCodes.Status400BadRequest, "Field not found",
                $"Variant \"{variant.Name}\" of \"{campaign.Name}\" has no webhook header named \"{reference.Field[MessageFields.WebhookHeaderPrefix.Length..]}\".");
        }
        return new FoundField(field.Source ?? "", new PreviewCampaign(campaign.CampaignId, campaign.Name, variant.Name), null);
    }
}
