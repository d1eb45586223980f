using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Surgewatch.Server.FunctionalTests.Demo;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Hosting;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.FunctionalTests.Basemap;

/// <summary>A server started with a base map (<c>serve --basemap</c>): a small PMTiles archive written by the test.</summary>
public sealed class BasemapServerFixture : ServerFixture
{
    public BasemapServerFixture()
    {
        Archive = PmtilesFile.OneTile([.. Enumerable.Range(0, 300).Select(i => (byte)(i * 7))]);
        ArchivePath = Path.Combine(Path.GetDirectoryName(DatabasePath)!, "city.pmtiles");
        File.WriteAllBytes(ArchivePath, Archive);
    }

    public byte[] Archive { get; }

    public string ArchivePath { get; }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        [$"{ServerOptions.Section}:{nameof(ServerOptions.Basemap)}"] = ArchivePath,
    };
}

/// <summary>A server told to serve a base map that is not a PMTiles archive.</summary>
public sealed class WrongBasemapFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var path = Path.Combine(Path.GetDirectoryName(DatabasePath)!, "city.mbtiles");
            File.WriteAllBytes(path, new byte[200]);
            return new Dictionary<string, string?>(base.Settings) { [$"{ServerOptions.Section}:{nameof(ServerOptions.Basemap)}"] = path };
        }
    }
}

public sealed class BasemapEndpointsTests(BasemapServerFixture server) : IClassFixture<BasemapServerFixture>
{
    [Fact]
    public async Task GetBasemap_WithArchive_NamesTheTilesUrlAndNoDemoCity()
    {
        var basemap = await (await server.CreateClient().GetAsync("/api/v1/basemap")).ReadJsonAsync();

        basemap.GetProperty("pmtiles").GetString().Should().Be("/api/v1/basemap/tiles.pmtiles");
        basemap.GetProperty("demoCity").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task GetTiles_RangeRequest_Returns206WithExactlyThoseBytes()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/basemap/tiles.pmtiles");
        request.Headers.Range = new RangeHeaderValue(PmtilesFile.HeaderLength, PmtilesFile.HeaderLength + 99);

        var response = await server.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes 127-226/{server.Archive.Length}");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.pmtiles");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(server.Archive[127..227]);
    }

    [Fact]
    public async Task GetTiles_HeaderRange_StartsWithThePmtilesMagic()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/basemap/tiles.pmtiles");
        request.Headers.Range = new RangeHeaderValue(0, 16383);

        var response = await server.CreateClient().SendAsync(request);

        // The pmtiles reader asks for the first 16 KiB; a smaller archive comes whole, still as a 206.
        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(server.Archive);
    }

    [Fact]
    public async Task GetTiles_NoRange_ReturnsTheArchiveAndAdvertisesRanges()
    {
        var response = await server.CreateClient().GetAsync("/api/v1/basemap/tiles.pmtiles");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.AcceptRanges.Should().Contain("bytes");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(server.Archive);
    }

    [Fact]
    public async Task GetTiles_RangeBeyondTheEnd_Returns416()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/basemap/tiles.pmtiles");
        request.Headers.Range = new RangeHeaderValue(server.Archive.Length + 10, server.Archive.Length + 20);

        var response = await server.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestedRangeNotSatisfiable);
    }
}

public sealed class NoBasemapTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task GetBasemap_WithoutArchive_OffersNone()
    {
        var basemap = await (await server.CreateClient().GetAsync("/api/v1/basemap")).ReadJsonAsync();

        basemap.GetProperty("pmtiles").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        basemap.GetProperty("demoCity").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Theory]
    [InlineData("/api/v1/basemap/tiles.pmtiles")]
    [InlineData("/api/v1/basemap/demo.geojson")]
    public async Task GetBasemapFile_NotOffered_Returns404Problem(string path)
    {
        var response = await server.CreateClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}

public sealed class WrongBasemapTests
{
    [Fact]
    public void Start_FileIsNotPmtiles_RefusesNamingTheFile()
    {
        using var server = new WrongBasemapFixture();

        var start = () => server.CreateClient();

        start.Should().Throw<OptionsValidationException>().WithMessage("*Basemap*city.mbtiles*not a PMTiles archive*");
    }
}

public sealed class DemoCityBasemapTests(DemoServerFixture server) : IClassFixture<DemoServerFixture>
{
    [Fact]
    public async Task GetBasemap_DemoMode_NamesTheDemoCityStreets()
    {
        var basemap = await (await server.CreateClient().GetAsync("/api/v1/basemap")).ReadJsonAsync();

        basemap.GetProperty("demoCity").GetString().Should().Be("/api/v1/basemap/demo.geojson");
    }

    [Fact]
    public async Task GetDemoCity_DemoMode_DrawsStreetsRiverAndASquareUnderEveryZone()
    {
        var response = await server.CreateClient().GetAsync("/api/v1/basemap/demo.geojson");
        var collection = await response.ReadJsonAsync();

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/geo+json");
        collection.GetProperty("type").GetString().Should().Be("FeatureCollection");
        var features = collection.GetProperty("features").EnumerateArray().ToList();
        var kinds = features.GroupBy(f => f.GetProperty("properties").GetProperty("kind").GetString()!).ToDictionary(g => g.Key, g => g.ToList());
        kinds.Keys.Should().Contain(["water", "park", "square", "street", "railway"]);
        kinds["street"].Should().OnlyContain(f => f.GetProperty("geometry").GetProperty("type").GetString() == "MultiLineString");
        kinds["water"].Should().OnlyContain(f => f.GetProperty("geometry").GetProperty("type").GetString() == "Polygon");
        foreach (var zone in SyntheticZones.Zones())
        {
            var centre = zone.Polygon.Centroid();
            kinds["square"].Should().Contain(
                f => f.GetProperty("properties").GetProperty("name").GetString() == zone.Name && Contains(f, centre.Longitude, centre.Latitude),
                $"zone {zone.Id.Value} stands on its square");
        }
    }

    private static bool Contains(System.Text.Json.JsonElement square, double longitude, double latitude)
    {
        var ring = square.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        return longitude > ring.Min(p => p.X) && longitude < ring.Max(p => p.X) && latitude > ring.Min(p => p.Y) && latitude < ring.Max(p => p.Y);
    }
}
