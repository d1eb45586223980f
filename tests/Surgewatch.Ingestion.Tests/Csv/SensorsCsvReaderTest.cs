using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Csv;

public partial class SensorsCsvReaderTest
{
    [Fact]
    public void Read_MelbourneShape_ReadsNamesAndLocations()
    {
        var input = Input.Lines(
            "sensor_id,name,latitude,longitude",
            "1,Bourke Street Mall (North),-37.813494,144.965153",
            "2,\"Flinders St, Swanston St (West)\",-37.81,144.96");

        var sensors = SensorsCsvReader.Read(input.Stream(), "sensors.csv");

        sensors.Should().Equal(
            new Sensor(new SensorId("1"), "Bourke Street Mall (North)", new GeoPoint(-37.813494, 144.965153), SensorKind.PedestrianCount, Sensor.Hourly),
            new Sensor(new SensorId("2"), "Flinders St, Swanston St (West)", new GeoPoint(-37.81, 144.96), SensorKind.PedestrianCount, Sensor.Hourly));
    }

    [Fact]
    public void Read_LosLoopShape_IgnoresIndexAndNamesSensorsByIdWithOptions()
    {
        var input = Input.Lines("index,sensor_id,latitude,longitude", "0,773869,34.15497,-118.31829").Gzipped().WithCrlf().WithBom();
        var options = new ReaderOptions { Kind = SensorKind.RoadSpeed, Step = Sensor.FiveMinutes };

        var sensors = SensorsCsvReader.Read(input.Stream(), "sensors.csv.gz", options);

        sensors.Should().Equal(new Sensor(new SensorId("773869"), "773869", new GeoPoint(34.15497, -118.31829), SensorKind.RoadSpeed, Sensor.FiveMinutes));
    }

    [Fact]
    public void Read_EmptyNameAndCoordinates_DefaultToIdAndNoLocation()
    {
        var input = Input.Lines("sensor_id,name,latitude,longitude,installed", "a,,,,2010");

        SensorsCsvReader.Read(input.Stream(), "sensors.csv").Single().Should().Be(
            new Sensor(new SensorId("a"), "a", null, SensorKind.PedestrianCount, Sensor.Hourly));
    }

    [Theory]
    [InlineData("a,A,95,1", "sensors.csv line 2, field 'latitude': '95' is outside [-90, 90] degrees")]
    [InlineData("a,A,1,x", "sensors.csv line 2, field 'longitude': 'x' is not a number; give both coordinates in decimal degrees or leave both empty")]
    [InlineData("a,A,1,", "sensors.csv line 2, field 'longitude': the coordinate is empty; give both coordinates in decimal degrees or leave both empty")]
    [InlineData("a b,A,1,1", "sensors.csv line 2, field 'sensor_id': 'a b' is not a valid sensor id: character ' ' is not allowed (use letters, digits and . _ : -)")]
    [InlineData("someone@example.org,A,1,1", "sensors.csv line 2, field 'sensor_id': 'someone@example.org' looks like an e-mail address, a personal identifier; Surgewatch accepts only anonymous aggregate counts from places, not identifiers of people or their devices")]
    [InlineData("a,A,1", "sensors.csv line 2: expected 4 fields (sensor_id,name,latitude,longitude) but found 3")]
    [InlineData("a,Kiosk (call 0412 345 678),1,1", "sensors.csv line 2, field 'name': contains what looks like a phone number (at character 13), a personal identifier; Surgewatch accepts only anonymous aggregate counts, so free text must not name or reach a person: describe places, times and counts instead")]
    public void Read_BadRow_IsRejected(string row, string expected)
    {
        var e = Rejection.Of(() => SensorsCsvReader.Read(Input.Lines("sensor_id,name,latitude,longitude", row).Stream(), "sensors.csv"));

        e.Lines().Should().Equal(expected);
    }

    [Fact]
    public void Read_DuplicateId_NamesBothLines()
    {
        var input = Input.Lines("sensor_id,name", "a,A", "b,B", "a,C");

        var e = Rejection.Of(() => SensorsCsvReader.Read(input.Stream(), "sensors.csv"));

        e.Lines().Should().Equal("sensors.csv line 4, field 'sensor_id': sensor 'a' was already given on line 2");
    }

    [Theory]
    [InlineData("name,latitude,longitude", "sensors.csv line 1: the header has no 'sensor_id' column; expected sensor_id,name,latitude,longitude")]
    [InlineData("sensor_id,latitude", "sensors.csv line 1: the header has only one of 'latitude' and 'longitude'; give both or neither")]
    [InlineData("sensor_id,owner_email", "sensors.csv line 1, field 'owner_email': looks like a personal identifier (an e-mail address); Surgewatch accepts only anonymous aggregate counts")]
    public void Read_BadHeader_IsRejected(string header, string expected)
    {
        var e = Rejection.Of(() => SensorsCsvReader.Read(Input.Lines(header).Stream(), "sensors.csv"));

        e.Lines().Should().Equal(expected);
    }

    [Fact]
    public void Read_InvalidUtf8Name_IsRejected()
    {
        byte[] bytes = [.. "sensor_id,name\na,"u8, 0xC3, 0x28, (byte)'\n'];

        var e = Rejection.Of(() => SensorsCsvReader.Read(new MemoryStream(bytes), "sensors.csv"));

        e.Lines().Should().Equal("sensors.csv line 2, field 'name': the name is not valid UTF-8 text");
    }
}
