using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Sources;

public class DataLicenceTest
{
    [Fact]
    public void Parse_CreativeCommonsWithAttributionQuotedOverTwoLines_GivesSpdxIdUrlAndAttribution()
    {
        var licence = DataLicence.Parse("""
            ## Source and licence
            * Publisher: City of Melbourne, Pedestrian Counting System (pedestrian.melbourne.vic.gov.au)
              City of Melbourne open data is published under **CC BY 4.0** (attribution: "City of
              Melbourne"). The licence was not restated inside the mirrored files.
            """);

        licence.Should().Be(new DataLicence("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "City of Melbourne"));
    }

    [Theory]
    [InlineData("Licensed CC BY-SA 4.0.", "CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/")]
    [InlineData("licence: cc-by-nc-3.0", "CC-BY-NC-3.0", "https://creativecommons.org/licenses/by-nc/3.0/")]
    [InlineData("Public domain (CC0).", "CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/")]
    [InlineData("Open Database License (ODbL)", "ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/")]
    public void Parse_KnownLicence_GivesItsSpdxIdAndUrl(string text, string spdx, string url)
    {
        var licence = DataLicence.Parse(text);

        licence.Licence.Should().Be(spdx);
        licence.LicenceUrl.Should().Be(url);
    }

    [Fact]
    public void Parse_PublisherWithoutQuotedAttribution_CreditsThePublisher()
    {
        DataLicence.Parse("Publisher: Transport for Somewhere, traffic counts (portal)\nCC BY 4.0").Attribution.Should().Be("Transport for Somewhere");
    }

    [Fact]
    public void Parse_NoLicenceNorAttribution_IsUnknown()
    {
        var licence = DataLicence.Parse("# Counts\nHourly counts of a few sensors.");

        licence.IsKnown.Should().BeFalse();
        licence.Should().Be(new DataLicence(null, null, null));
    }

    [Fact]
    public void OfFolder_ReadmeBesideTheCounts_IsRead()
    {
        using var folder = new TempFolder();
        folder.Write("README.md", Input.Lines("# Data", "Licence: CC BY 4.0 (attribution: \"Example City\")"));

        DataLicence.OfFolder(folder.Path)!.Attribution.Should().Be("Example City");
    }

    [Fact]
    public void OfFolder_NoReadme_IsNull()
    {
        using var folder = new TempFolder();

        DataLicence.OfFolder(folder.Path).Should().BeNull();
    }

    [Theory]
    [InlineData("`timestamp` = local wall-clock hour start in Australia/Melbourne, ISO-8601", "Australia/Melbourne")]
    [InlineData("Labels are America/Argentina/Buenos_Aires time.", "America/Argentina/Buenos_Aires")]
    [InlineData("Times are local (Mars/Olympus_Mons, then Europe/Nowhere).", null)]
    public void NamedTimeZone_Readme_IsTheFirstKnownIanaZone(string readme, string? zone)
    {
        DataReadme.NamedTimeZone(readme).Should().Be(zone);
    }
}
