using BrazeLite.Core.Ingest;

namespace Dashboard.Api.Users;

/// <summary><c>POST /users/track</c>: attributes, events and purchases, answered once committed.</summary>
public static class UsersTrackEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SendService sends, CancellationToken ct)
    {
        var (body, bodyError, status) = await JsonBody.ReadAsync(context.Request, ct);
        if (body is null)
        {
            return Results.Json(bodyError, ApiJson.Options, statusCode: status);
        }
        var (request, error) = UsersTrackReader.Read(body.Root);
        if (error is not null)
        {
            return Results.Json(error, ApiJson.Options, statusCode: StatusCodes.Status400BadRequest);
        }
        try
        {
            return Results.Json(await sends.TrackAsync(request!, ct), ApiJson.Options, statusCode: StatusCodes.Status201Created);
        }
        catch (IngestUnavailableException e)
        {
            return Results.Json(new BrazeError("Service Unavailable", [e.Message]), ApiJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
