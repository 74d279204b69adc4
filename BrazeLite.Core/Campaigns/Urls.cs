namespace BrazeLite.Core.Campaigns;

public static class Urls
{
    public static bool IsHttp(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>An http(s) URL that may hold Liquid: the scheme and host part must be written out.</summary>
    public static bool IsHttpTemplate(string value)
    {
        var v = value.Trim();
        var liquid = v.IndexOf('{');
        if (liquid < 0)
        {
            return IsHttp(v);
        }
        return (v.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || v.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            && liquid > v.IndexOf("://", StringComparison.Ordinal) + 3;
    }
}
