namespace Dashboard.Components;

/// <summary>
/// The headers every answer carries (a REST endpoint's JSON answers carry a shorter set). The pages' content security
/// policy allows what MudBlazor (inline styles), Monaco (eval in its loader, blob workers) and the sandboxed email
/// preview (srcdoc frames, remote images) need, and no more:
/// no inline script at all, which is why App.razor renders no import map (its inline script would need the policy to
/// allow inline scripts, the very thing a policy is for).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self' 'unsafe-eval'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: https: http:; " +
        "font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; " +
        "worker-src 'self' blob:; " +
        "frame-src 'self' about: data:; " +
        "child-src 'self' blob:; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>A REST answer is JSON, never a document: it may load nothing and be framed nowhere.</summary>
    public const string JsonContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use((context, next) =>
        {
            context.Response.OnStarting(Api.BrazeApi.IsRestEndpoint(context) ? SetJsonHeaders : SetPageHeaders, context.Response.Headers);
            return next(context);
        });
        return app;
    }

    private static Task SetPageHeaders(object state)
    {
        var headers = (IHeaderDictionary)state;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return Task.CompletedTask;
    }

    // The pages' policy describes what MudBlazor and Monaco need; on every REST answer it would be bytes nobody reads.
    private static Task SetJsonHeaders(object state)
    {
        var headers = (IHeaderDictionary)state;
        headers.ContentSecurityPolicy = JsonContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        return Task.CompletedTask;
    }
}
