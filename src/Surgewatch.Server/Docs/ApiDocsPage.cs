namespace Surgewatch.Server.Docs;

/// <summary>
/// <c>GET /api/docs</c>: a small self-contained page (no CDN, no external script) that lists the operations of
/// <c>/openapi/v1.json</c>.
/// </summary>
internal static class ApiDocsPage
{
    private const string Html = """
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
        Writes need <code>Authorization: Bearer KEY</code>.</p>
        <table id="operations"><thead><tr><th>Method</th><th>Path</th><th>Summary</th><th>Responses</th></tr></thead><tbody></tbody></table>
        <script src="/api/docs.js"></script>
        </body>
        </html>
        """;

    // Served as files of their own: the Content-Security-Policy (Hosting/SecurityHeaders) allows no inline script.
    private const string Css = """
          body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d2430; }
          table { border-collapse: collapse; width: 100%; }
          th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #dde2ea; vertical-align: top; }
          code { font-size: .95em; }
          .get { color: #1b6e3a; } .post { color: #8a4b00; }
        """;

    private const string Script = """
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
        app.MapGet("/api/docs", () => Results.Content(Html, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/api/docs.css", () => Results.Content(Css, "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/api/docs.js", () => Results.Content(Script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
    }
}
