using Surgewatch.Ingestion.Privacy;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.OpenData;

/// <summary>
/// The licence and attribution every open-data reply names. Each field is the setting when one is given
/// (<c>--attribution</c>), else what the replayed data folder's README states (so that open data made from a city's
/// counts credits the city), else Surgewatch's default (CC-BY-4.0, anonymous aggregate counts).
/// </summary>
/// <param name="Licence">The SPDX id of the licence.</param>
/// <param name="LicenceUrl">Where the licence text is.</param>
/// <param name="Attribution">Whom users of the data must credit.</param>
internal sealed record OpenDataTerms(string Licence, string LicenceUrl, string Attribution)
{
    public const string DefaultLicence = "CC-BY-4.0";
    public const string DefaultLicenceUrl = "https://creativecommons.org/licenses/by/4.0/";
    public const string DefaultAttribution = "Surgewatch open data: anonymous aggregate pedestrian counts (no personal data).";

    /// <summary>The terms of <paramref name="options"/>, reading the replay folder's README when it has one.</summary>
    public static OpenDataTerms Of(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var data = options.ReplayFolder is { } folder && Directory.Exists(folder) ? DataLicence.OfFolder(folder) : null;

        // Open data is published: an attribution that looks like a personal identifier (an e-mail address, a phone
        // number) is not carried over from a README. A configured one is refused at start (ServerOptions validation).
        var credited = data?.Attribution is { } named && !PrivacyGuard.ContainsPersonalIdentifier(named, out _) ? named : null;

        // A URL only goes with its own licence: a configured licence without a URL does not take the README's.
        var licence = options.Licence ?? data?.Licence;
        var url = options.LicenceUrl ?? (options.Licence is null ? data?.LicenceUrl : null);
        return new OpenDataTerms(
            licence ?? DefaultLicence,
            url ?? (licence is null ? DefaultLicenceUrl : $"https://spdx.org/licenses/{licence}.html"),
            options.Attribution ?? credited ?? DefaultAttribution);
    }
}
