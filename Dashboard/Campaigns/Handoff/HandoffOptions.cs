using System.ComponentModel.DataAnnotations;

namespace Dashboard.Campaigns.Handoff;

/// <summary>
/// Where developers reach this server: the top-level <c>PublicUrl</c> setting, for when the dashboard is opened at an
/// address clients cannot use (behind a proxy, for instance). Unset, the ready requests use the address the dashboard
/// was opened at.
/// </summary>
public sealed class HandoffOptions : IValidatableObject
{
    public const string PublicUrlKey = "PublicUrl";

    public string? PublicUrl { get; set; }

    /// <summary>The REST base URL without a trailing slash: <see cref="PublicUrl"/>, else <paramref name="dashboardBaseUri"/>.</summary>
    public string BaseUrl(string dashboardBaseUri) =>
        (string.IsNullOrWhiteSpace(PublicUrl) ? dashboardBaseUri : PublicUrl).Trim().TrimEnd('/');

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PublicUrl)
            && !(Uri.TryCreate(PublicUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0))
        {
            yield return new ValidationResult($"PublicUrl must be an absolute http(s) URL without a query, e.g. https://brazelite.example.com; it is \"{PublicUrl}\".");
        }
    }
}
