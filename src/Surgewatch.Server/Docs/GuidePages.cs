namespace Surgewatch.Server.Docs;

/// <summary>
/// <c>GET /docs/zones.md</c>: the zones guide (docs/zones.md, embedded at build time) as plain text, so that the
/// dashboard's "no zones" explanation links to it on a server without network.
/// </summary>
internal static class GuidePages
{
    /// <summary>The embedded guide's resource name (see Surgewatch.Server.csproj).</summary>
    public const string ZonesResource = "Surgewatch.Server.docs.zones.md";

    public static void Map(WebApplication app)
    {
        var zones = Read(ZonesResource);
        app.MapGet("/docs/zones.md", () => Results.Text(zones, "text/plain; charset=utf-8")).ExcludeFromDescription();
    }

    private static string Read(string resource)
    {
        using var stream = typeof(GuidePages).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The resource {resource} is missing from the server's assembly; rebuild it.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
