using System.Text.Json.Serialization;

namespace Dashboard.Api.Ajo;

/// <summary>
/// Adobe Journey Optimizer's error answer: problem JSON with <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c> and
/// <c>report.additionalContext</c> naming the request and campaign. It carries <c>message</c> too, as every REST answer here does.
/// </summary>
public sealed record AjoProblem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail,
    [property: JsonPropertyName("report")] AjoReport Report)
{
    public const string ContentType = "application/problem+json";

    [JsonPropertyName("message")]
    public string Message => Title;

    public static AjoProblem Of(int status, string title, string? detail, string? requestId, string? campaignId) =>
        new($"https://ns.adobe.com/aep/errors/MSG-{Code(title, status)}-{status}", title, status, detail,
            new AjoReport(new AjoContext(requestId, campaignId)));

    public IResult ToResult() => TypedResults.Json(this, ApiJson.Options, ContentType, Status);

    // One code per kind of fault, so a client can tell them apart without reading the title.
    private static string Code(string title, int status) => status switch
    {
        400 when title.Contains("campaign", StringComparison.OrdinalIgnoreCase) => "000053",
        400 => "000052",
        422 => "000054",
        _ => $"000{status}",
    };
}

public sealed record AjoReport([property: JsonPropertyName("additionalContext")] AjoContext AdditionalContext);

public sealed record AjoContext(
    [property: JsonPropertyName("requestId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestId,
    [property: JsonPropertyName("campaignId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CampaignId);
