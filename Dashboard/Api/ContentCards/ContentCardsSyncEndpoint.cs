using BrazeLite.Core.Delivery;
using BrazeLite.Core.Ingest;

namespace Dashboard.Api.ContentCards;

/// <summary><c>GET /content_cards/sync?external_id=...</c>: the user's live Content Cards, newest first, for their app to show.</summary>
public static class ContentCardsSyncEndpoint
{
    public const string Path = "/content_cards/sync";

    public static async Task<IResult> HandleAsync(HttpRequest request, ContentCardFeed feed, CancellationToken ct)
    {
        var externalId = request.Query["external_id"].ToString().Trim();
        if (externalId.Length == 0)
        {
            return BrazeError.BadRequest("Bad Request", "Add the external_id query parameter: the user whose cards to return.");
        }
        if (await feed.LiveCardsAsync(externalId, ct) is not { } cards)
        {
            return BrazeError.BadRequest("Bad Request", $"No user has the external_id \"{externalId}\".");
        }
        return TypedResults.Json(new
        {
            message = SendAnswer.Success,
            cards = cards.Select(c => new
            {
                id = c.Id,
                type = c.Card.Type,
                title = c.Card.Title,
                description = c.Card.Description,
                image_url = c.Card.ImageUrl,
                url = c.Card.Url,
                campaign_id = c.CampaignId,
                message_variation_id = c.VariationId,
                created_at = c.CreatedAt.ToUnixTimeSeconds(),
                expires_at = c.Card.ExpiresAt?.ToUnixTimeSeconds(),
            }),
        }, ApiJson.Options);
    }
}
