using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Surgewatch.Server.Dashboard;

/// <summary>
/// Serves the dashboard at <c>/</c> from the bundle embedded in this assembly (built from web/ by
/// Dashboard.targets), so it needs no CDN, no network and no files beside the executable.
/// </summary>
internal static class DashboardAssets
{
    /// <summary>The prefix of the embedded resource names; a file's path follows it.</summary>
    public const string ResourcePrefix = "Surgewatch.Server.wwwroot";

    private const string NotBuiltPage =
        "<!doctype html><title>Surgewatch</title><body style=\"font-family:sans-serif\"><h1>Surgewatch</h1>" +
        "<p>The dashboard was not built into this server (built with SkipDashboardBuild=true, or without npm). " +
        "Install Node.js and npm, then rebuild: <code>dotnet build</code> bundles web/ into the server.</p>" +
        "<p>The API works: <a href=\"/api/docs\">/api/docs</a>.</p></body>";

    public static void Use(WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardAssets).Assembly, ResourcePrefix);
        if (!files.GetFileInfo("index.html").Exists)
        {
            app.MapGet("/", () => Results.Content(NotBuiltPage, "text/html; charset=utf-8")).ExcludeFromDescription();
            return;
        }

        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            // The bundle's names carry no hash: revalidate each time (cheap ETag check) so an upgrade shows at once.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}
