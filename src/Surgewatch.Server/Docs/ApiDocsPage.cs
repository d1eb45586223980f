using Microsoft.Extensions.FileProviders;
using Surgewatch.Server.Dashboard;

namespace Surgewatch.Server.Docs;

/// <summary>
/// <c>GET /api/docs</c>: the API reference, rendered from <c>/openapi/v1.json</c> by the Scalar API reference bundled
/// with the dashboard (<see cref="ReferenceBundle"/>, copied from npm by web/build.mjs and served from this origin, no
/// CDN). A server built without the dashboard serves a plain table of the operations instead.
/// </summary>
internal static class ApiDocsPage
{
    /// <summary>The bundled reference UI's file among the dashboard assets (served at <c>/</c> + this name).</summary>
    public const string ReferenceBundle = "scalar-api-reference.js";

    private const string ReferencePage = $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="icon" href="data:,">
        <title>Surgewatch HTTP API</title>
        </head>
        <body>
        <div id="reference" data-testid="api-docs"></div>
        <script src="/{ReferenceBundle}"></script>
        <script src="/api/docs.js"></script>
        </body>
        </html>
        """;

    // The mount point must not have the id "api-reference": the bundle mounts an unconfigured reference on that id by
    // itself as it loads (its older script-tag API). Scalar's defaults reach out to its own services: web fonts, a
    // request proxy, telemetry and its AI agent. The page must work offline and send nothing elsewhere, so each is
    // turned off; "Test request" goes to this origin.
    private const string ReferenceScript = """
        Scalar.createApiReference('#reference', {
          url: '/openapi/v1.json',
          withDefaultFonts: false,
          proxyUrl: '',
          telemetry: false,
          agent: { disabled: true },
          mcp: { disabled: true },
          hideClientButton: true,
          showDeveloperTools: 'never',
          documentDownloadType: 'json',
          // Our summaries are sentences: the sidebar lists the operations by method and path instead.
          operationTitleSource: 'path',
          authentication: { preferredSecurityScheme: 'apiKey' },
          metaData: { title: 'Surgewatch HTTP API' },
        });
        """;

    private const string FallbackPage = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Surgewatch HTTP API</title>
        <link rel="stylesheet" href="/api/docs.css">
        </head>
        <body>
        <h1>Surgewatch HTTP API</h1>
        <p>Machine-readable description: <a href="/openapi/v1.json"><code>/openapi/v1.json</code></a>.
        Writes need <code>Authorization: Bearer KEY</code>. (This server was built without the dashboard, so the full
        reference is not bundled.)</p>
        <table id="operations"><thead><tr><th>Method</th><th>Path</th><th>Summary</th><th>Responses</th></tr></thead><tbody></tbody></table>
        <script src="/api/docs.js"></script>
        </body>
        </html>
        """;

    // Served as files of their own: the Content-Security-Policy (Hosting/SecurityHeaders) allows no inline script.
    private const string FallbackCss = """
          body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d2430; }
          table { border-collapse: collapse; width: 100%; }
          th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #dde2ea; vertical-align: top; }
          code { font-size: .95em; }
          .get { color: #1b6e3a; } .post { color: #8a4b00; }
        """;

    private const string FallbackScript = """
        fetch('/openapi/v1.json').then(r => r.json()).then(doc => {
          const body = document.querySelector('#operations tbody');
          for (const [path, item] of Object.entries(doc.paths || {})) {
            for (const [method, op] of Object.entries(item)) {
              const row = body.insertRow();
              const cells = [method.toUpperCase(), path, op.summary || '', Object.keys(op.responses || {}).join(' ')];
              cells.forEach((text, i) => { const cell = row.insertCell(); cell.textContent = text; if (i === 0) cell.className = method; });
            }
          }
        }).catch(e => { document.body.append('Could not load the OpenAPI document: ' + e); });
        """;

    public static void Map(WebApplication app)
    {
        var bundled = new EmbeddedFileProvider(typeof(ApiDocsPage).Assembly, DashboardAssets.ResourcePrefix).GetFileInfo(ReferenceBundle).Exists;
        var (page, script) = bundled ? (ReferencePage, ReferenceScript) : (FallbackPage, FallbackScript);
        app.MapGet("/api/docs", () => Results.Content(page, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/api/docs.js", () => Results.Content(script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/api/docs.css", () => Results.Content(FallbackCss, "text/css; charset=utf-8")).ExcludeFromDescription();
    }
}
