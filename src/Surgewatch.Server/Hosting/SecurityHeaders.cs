namespace Surgewatch.Server.Hosting;

/// <summary>
/// Headers on every reply that keep the dashboard and the API from being framed, sniffed or made to run injected
/// script: a Content-Security-Policy that allows only the server's own script (the bundled dashboard has no inline
/// script), <c>frame-ancestors 'none'</c> (and <c>X-Frame-Options: DENY</c> for older browsers), <c>nosniff</c> and
/// no referrer. Styles may be inline because the map and chart libraries set them; images and tile fetches may use
/// any https origin because the optional base map is an XYZ tile URL of the operator's choosing.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; " +
        "connect-src 'self' https:; worker-src 'self' blob:; font-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static void Use(WebApplication app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
}
