using System.Text.Json;
using System.Text.Json.Serialization;

namespace Surgewatch.Server.Hosting;

/// <summary>
/// How the API spells enum values: kebab-case, everywhere (JSON replies, the live hub, GeoJSON, CSV), such as
/// <c>pedestrian-count</c>, <c>no-data</c> and <c>forecast-upper</c>, so that a client compares against one style.
/// </summary>
internal static class ApiEnums
{
    /// <summary>The naming of enum values.</summary>
    public static JsonNamingPolicy Policy => JsonNamingPolicy.KebabCaseLower;

    /// <summary>The converter that writes (and reads) enum values as kebab-case strings.</summary>
    public static JsonStringEnumConverter Converter() => new(Policy);

    /// <summary><paramref name="value"/> as the API writes it.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => Policy.ConvertName(value.ToString());
}
