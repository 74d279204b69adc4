using System.ComponentModel.DataAnnotations;

namespace Dashboard.Campaigns.Handoff;

/// <summary>Settings for the developer handoff's ready requests, from the <c>Handoff</c> configuration section.</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    /// <summary>The base URL the requests name.</summary>
    [Required, Url(ErrorMessage = "Handoff:RestEndpoint must be an absolute http(s) URL, e.g. https://rest.iad-01.braze.com.")]
    public string RestEndpoint { get; set; } = "https://rest.iad-01.braze.com";

    /// <summary><see cref="RestEndpoint"/> without a trailing slash.</summary>
    public string BaseUrl => RestEndpoint.Trim().TrimEnd('/');
}
