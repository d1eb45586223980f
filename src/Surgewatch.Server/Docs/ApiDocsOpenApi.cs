using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Surgewatch.Server.Docs;

/// <summary>
/// Names the OpenAPI document and groups its operations by feature (the first segment after <c>/api/v1</c>), so the
/// reference at /api/docs reads as Readings, Zones, Alerts… rather than one list under the assembly's name.
/// </summary>
internal static class ApiDocsOpenApi
{
    private const string Description =
        "Surgewatch turns anonymous counts (people per zone or counter per interval, devices per cell, road speeds) into " +
        "forecasts and warnings. Reads of open data need no key unless the server closes them; writes need " +
        "`Authorization: Bearer KEY`. Times are site-local labels or ISO-8601 with an offset; densities are persons/m², " +
        "flows persons/m/min.";

    // Segments that belong to one feature's group.
    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["session"] = "Clock",
        ["models"] = "Deployment",
        ["counters"] = "Deployment",
        ["open"] = "Open data",
        ["healthz"] = "Health",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Surgewatch HTTP API";
            document.Info.Description = Description;
            Group(document);
            return Task.CompletedTask;
        });
    }

    // A document transformer, not an operation one: it runs once the paths are complete, so the document's tag list
    // is made from the same operations.
    private static void Group(OpenApiDocument document)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths)
        {
            var name = GroupOf(path);
            names.Add(name);
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                operation.Tags = new HashSet<OpenApiTagReference> { new(name, document) };
            }
        }

        document.Tags = new HashSet<OpenApiTag>(names.Select(n => new OpenApiTag { Name = n }));
    }

    /// <summary>The group of a path such as <c>/api/v1/zones/{id}/series</c>: <c>Zones</c>.</summary>
    private static string GroupOf(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var first = segments is ["api", "v1", var feature, ..] ? feature : segments.FirstOrDefault() ?? "api";
        return Groups.TryGetValue(first, out var group) ? group : char.ToUpperInvariant(first[0]) + first[1..];
    }
}
