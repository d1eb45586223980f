using System.Text.RegularExpressions;

namespace Surgewatch.Ingestion.Sources;

/// <summary>
/// The README beside a data folder's files (<c>README.md</c>, <c>README.txt</c> or <c>README</c>): what its publisher
/// states about the data, such as its licence (<see cref="DataLicence"/>) and the time zone of its labels.
/// </summary>
public static partial class DataReadme
{
    private static readonly string[] Names = ["README.md", "README.txt", "README", "readme.md"];

    /// <summary>The README text of the folder at <paramref name="directory"/>, or null when it has none.</summary>
    public static string? Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        foreach (var name in Names)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        return null;
    }

    /// <summary>The first IANA time zone <paramref name="readme"/> names (such as <c>Australia/Melbourne</c>) that this machine knows, or null.</summary>
    public static string? NamedTimeZone(string readme)
    {
        ArgumentNullException.ThrowIfNull(readme);
        foreach (Match match in ZoneName().Matches(readme))
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(match.Value, out _))
            {
                return match.Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?\b")]
    private static partial Regex ZoneName();
}
