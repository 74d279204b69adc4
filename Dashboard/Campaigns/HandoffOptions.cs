namespace Dashboard.Campaigns;

/// <summary>Settings for the developer handoff snippets, from the <c>Handoff</c> configuration section.</summary>
public sealed record HandoffOptions(string RestEndpoint)
{
    public const string DefaultRestEndpoint = "https://rest.iad-01.braze.com";

    public static HandoffOptions From(IConfiguration configuration)
    {
        var endpoint = configuration["Handoff:RestEndpoint"];
        return new HandoffOptions(string.IsNullOrWhiteSpace(endpoint) ? DefaultRestEndpoint : endpoint.Trim().TrimEnd('/'));
    }
}
