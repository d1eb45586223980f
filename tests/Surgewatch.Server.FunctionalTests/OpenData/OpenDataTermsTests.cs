using Surgewatch.Server.Hosting;
using Surgewatch.Server.OpenData;

namespace Surgewatch.Server.FunctionalTests.OpenData;

/// <summary>Whose terms open data names: the settings first, then the replayed folder's README, then Surgewatch's own.</summary>
public sealed class OpenDataTermsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("surgewatch-terms-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Of_ReadmeAndAConfiguredAttribution_TheSettingWinsAndTheReadmeGivesTheLicence()
    {
        Readme("Published under CC BY-SA 4.0 (attribution: \"Example City\").");

        var terms = OpenDataTerms.Of(new ServerOptions { ReplayFolder = _folder, Attribution = "Example City Council open data" });

        terms.Should().Be(new OpenDataTerms("CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/", "Example City Council open data"));
    }

    [Fact]
    public void Of_NoReplayFolder_IsSurgewatchsDefault()
    {
        OpenDataTerms.Of(new ServerOptions()).Should().Be(
            new OpenDataTerms(OpenDataTerms.DefaultLicence, OpenDataTerms.DefaultLicenceUrl, OpenDataTerms.DefaultAttribution));
    }

    [Fact]
    public void Of_ConfiguredLicenceWithoutUrl_PointsAtItsSpdxPageNotTheReadmesUrl()
    {
        Readme("CC BY 4.0 (attribution: \"Example City\")");

        var terms = OpenDataTerms.Of(new ServerOptions { ReplayFolder = _folder, Licence = "ODbL-1.0" });

        terms.LicenceUrl.Should().Be("https://spdx.org/licenses/ODbL-1.0.html");
        terms.Attribution.Should().Be("Example City");
    }

    [Fact]
    public void Of_ReadmeAttributionWithAnEmailAddress_IsNotPublished()
    {
        Readme("CC BY 4.0 (attribution: \"Jo Smith, jo.smith@example.org\")");

        OpenDataTerms.Of(new ServerOptions { ReplayFolder = _folder }).Attribution.Should().Be(OpenDataTerms.DefaultAttribution);
    }

    private void Readme(string text) => File.WriteAllText(Path.Combine(_folder, "README.md"), text);
}
