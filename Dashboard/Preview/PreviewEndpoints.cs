using BrazeLite.Liquid.Braze;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Preview;

/// <summary><c>POST /api/preview</c>: renders a Liquid template, or a saved campaign's field, against sample data.</summary>
public static partial class PreviewEndpoints
{
    /// <summary>Maps the endpoint on <paramref name="api"/>, the REST group that gives it its key, permission and limits.</summary>
    public static RouteHandlerBuilder MapPreviewApi(this IEndpointRouteBuilder api) =>
        api.MapPost("/api/preview", PreviewAsync).WithName("Preview");

    public static async Task<Results<Ok<PreviewResponse>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        HttpRequest request, [FromServices] ITemplateRenderer engine, [FromServices] ICampaignService campaigns,
        [FromServices] ILoggerFactory loggers, CancellationToken ct)
    {
        var log = loggers.CreateLogger(typeof(PreviewEndpoints));
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync(ct);
        }

        var requestReader = new PreviewRequestReader();
        var preview = requestReader.Read(body);
        if (requestReader.BodyError is { } bodyError)
        {
            LogRefused(log, StatusCodes.Status400BadRequest, bodyError);
            return TypedResults.Problem(bodyError, statusCode: StatusCodes.Status400BadRequest, title: "Malformed preview request");
        }
        if (preview is null)
        {
            LogRefused(log, StatusCodes.Status400BadRequest, string.Join("; ", requestReader.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            return TypedResults.ValidationProblem(requestReader.Errors, title: "The preview request has invalid properties");
        }

        var template = preview.Template;
        var data = preview.Data;
        if (preview.CampaignField is { } reference)
        {
            var found = await FindFieldAsync(campaigns, reference, ct);
            if (found.Problem is { } problem)
            {
                LogRefused(log, problem.StatusCode, problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "");
                return problem;
            }
            template = found.Source;
            data = data with { Campaign = found.Campaign };
        }

        var result = string.IsNullOrEmpty(template) ? RenderedTemplate.Empty : engine.Render(template, data, preview.ErrorMode, ct);
        LogRendered(log, preview.CampaignField?.CampaignId, result.Status, result.Errors.Count, result.Warnings.Count);
        return TypedResults.Ok(PreviewResponse.From(result));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Preview request refused with {StatusCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Preview rendered (campaign {CampaignId}): {Status}, {ErrorCount} error(s), {WarningCount} warning(s)")]
    private static partial void LogRendered(ILogger logger, string? campaignId, RenderStatus status, int errorCount, int warningCount);

    private sealed record FoundField(string Source, BrazeCampaign? Campaign, ProblemHttpResult? Problem);

    private static async Task<FoundField> FindFieldAsync(ICampaignService campaigns, CampaignFieldReference reference, CancellationToken ct)
    {
        static FoundField Fail(int status, string title, string detail) =>
            new("", null, TypedResults.Problem(detail, statusCode: status, title: title));

        var campaign = await campaigns.GetAsync(reference.CampaignId, ct);
        if (campaign is null)
        {
            return Fail(StatusCodes.Status404NotFound, "Campaign not found", $"No campaign has the campaign_id \"{reference.CampaignId}\".");
        }
        if (campaign.Type == CampaignType.Api)
        {
            return Fail(StatusCodes.Status400BadRequest, "Nothing to preview",
                $"Campaign \"{campaign.Name}\" is an API campaign: its content is sent with each /messages/send request, so the dashboard holds no template to preview.");
        }
        var variation = campaign.FindVariation(reference.MessageVariationId);
        if (variation?.Kind == VariationKind.Control)
        {
            return Fail(StatusCodes.Status400BadRequest, "Nothing to preview",
                $"message_variation_id \"{reference.MessageVariationId}\" is the control group of \"{campaign.Name}\", which receives no message.");
        }
        var channelKey = ChannelInfo.ApiKey(reference.Channel);
        if (!campaign.Channels.Contains(reference.Channel))
        {
            var channels = campaign.Channels.Count == 0 ? "none" : string.Join(", ", campaign.Channels.Select(ChannelInfo.ApiKey));
            return Fail(StatusCodes.Status400BadRequest, "Channel not in campaign",
                $"Campaign \"{campaign.Name}\" has no {channelKey} channel; its channels: {channels}.");
        }
        if (variation is null)
        {
            return Fail(StatusCodes.Status404NotFound, "Variant not found",
                $"Campaign \"{campaign.Name}\" has no variant with message_variation_id \"{reference.MessageVariationId}\".");
        }
        if (variation.Channel != reference.Channel)
        {
            return Fail(StatusCodes.Status400BadRequest, "Mismatched channel",
                $"message_variation_id \"{reference.MessageVariationId}\" is variant \"{variation.Name}\"'s {ChannelInfo.ApiKey(variation.Channel!.Value)} message, not its {channelKey} message.");
        }
        var variant = campaign.Variants[variation.Order];
        var message = variant.MessageFor(reference.Channel) ?? ChannelMessage.Empty(reference.Channel);
        if (message.FindTemplate(reference.Field) is not { } field)
        {
            return Fail(StatusCodes.Status400BadRequest, "Field not found",
                $"Variant \"{variant.Name}\" of \"{campaign.Name}\" has no webhook header named \"{reference.Field[WebhookFields.HeaderPrefix.Length..]}\".");
        }
        return new FoundField(field.Source, new BrazeCampaign(campaign.CampaignId, campaign.Name, variant.Name), null);
    }
}
