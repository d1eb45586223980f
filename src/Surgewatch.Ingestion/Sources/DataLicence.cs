using System.Text.RegularExpressions;

namespace Surgewatch.Ingestion.Sources;

/// <summary>
/// The licence and attribution a data folder's README states, so that what is published from the data (open data)
/// credits its publisher. Read from the folder's <see cref="DataReadme"/>: the licence is the first
/// Creative Commons, CC0, ODbL or Open Government Licence named (as an SPDX id), the attribution the text quoted after
/// "attribution" (<c>attribution: "City of Melbourne"</c>), else the publisher named after "Publisher:".
/// </summary>
/// <param name="Licence">The SPDX id of the licence, or null when none is named.</param>
/// <param name="LicenceUrl">Where the licence text is, or null when it is not known.</param>
/// <param name="Attribution">Whom users must credit, or null when the README does not say.</param>
public sealed partial record DataLicence(string? Licence, string? LicenceUrl, string? Attribution)
{
    /// <summary>Whether the README named a licence or an attribution.</summary>
    public bool IsKnown => Licence is not null || Attribution is not null;

    /// <summary>The licence of the data folder at <paramref name="directory"/>, or null when it has no README.</summary>
    public static DataLicence? OfFolder(string directory) => DataReadme.Read(directory) is { } readme ? Parse(readme) : null;

    /// <summary>The licence and attribution that <paramref name="readme"/> states.</summary>
    public static DataLicence Parse(string readme)
    {
        ArgumentNullException.ThrowIfNull(readme);
        var (licence, url) = FindLicence(readme);
        var attribution = QuotedAttribution().Match(readme) is { Success: true } quoted ? quoted.Groups["who"].Value
            : Publisher().Match(readme) is { Success: true } publisher ? publisher.Groups["who"].Value
            : string.Empty;

        // A quoted name may be wrapped over two lines of the README.
        attribution = string.Join(' ', attribution.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return new DataLicence(licence, url, attribution.Length == 0 ? null : attribution);
    }

    private static (string? Licence, string? Url) FindLicence(string readme)
    {
        if (CreativeCommons().Match(readme) is { Success: true } cc)
        {
            var parts = cc.Groups["parts"].Value.ToUpperInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
            var version = cc.Groups["version"].Value;
            var spdx = $"CC-{string.Join('-', parts)}-{version}";
            var path = string.Join('-', parts).ToLowerInvariant();
            return (spdx, $"https://creativecommons.org/licenses/{path}/{version}/");
        }

        if (Cc0().IsMatch(readme))
        {
            return ("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/");
        }

        if (Odbl().IsMatch(readme))
        {
            return ("ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/");
        }

        return OpenGovernment().IsMatch(readme) ? ("OGL-UK-3.0", "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/") : (null, null);
    }

    [GeneratedRegex(@"\bCC[ -](?<parts>BY(?:[ -](?:SA|NC|ND))*)[ -](?<version>[1-4]\.0)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CreativeCommons();

    [GeneratedRegex(@"\bCC0\b|\bCC[ -]ZERO\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cc0();

    [GeneratedRegex(@"\bODbL\b|Open Database Licen[cs]e", RegexOptions.IgnoreCase)]
    private static partial Regex Odbl();

    [GeneratedRegex(@"Open Government Licen[cs]e", RegexOptions.IgnoreCase)]
    private static partial Regex OpenGovernment();

    [GeneratedRegex("""attribution\W{0,3}\s*["“](?<who>[^"”]{1,200})["”']""", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedAttribution();

    [GeneratedRegex(@"Publisher\W{0,3}:\s*(?<who>[^,;(\r\n]{1,200})", RegexOptions.IgnoreCase)]
    private static partial Regex Publisher();
}
