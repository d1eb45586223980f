using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Sources;

public partial class ObservationReaderTest
{
    [Theory]
    [InlineData("1e308", "is larger than 10000000")]
    [InlineData("1.7e308", "is larger than 10000000")]
    [InlineData("10000001", "is larger than 10000000")]
    [InlineData("12.5", "is not a whole number")]
    [InlineData("-1", "is negative")]
    [InlineData("Infinity", "is not a")]
    public void Read_ImplausiblePedestrianCount_IsRejectedNamingLineAndField(string value, string why)
    {
        var text = $"timestamp,sensor_id,count\n2014-01-01T00:00:00,a,1\n2014-01-01T01:00:00,a,{value}\n";

        var e = Rejection.Of(() => ObservationReader.Read(new Input(text).Stream(), "body"));

        e.Lines().Should().ContainSingle().Which.Should().StartWith("body line 3, field 'count':").And.Contain(why);
    }

    [Theory]
    [InlineData("{\"sensorId\":\"a\",\"timestamp\":\"2014-01-01T00:00:00\",\"value\":1e308}\n")]
    [InlineData("timestamp,a\n2014-01-01T00:00:00,1e308\n")]
    public void Read_HugeValueInAnyFormat_IsRejected(string text)
    {
        var e = Rejection.Of(() => ObservationReader.Read(new Input(text).Stream(), "body"));

        e.Lines().Should().ContainSingle().Which.Should().Contain("is larger than 10000000");
    }

    [Fact]
    public void Read_SpeedsOfRoadKind_AcceptsFractionsAndRefusesOver400()
    {
        var options = new ReaderOptions { Kind = SensorKind.RoadSpeed };
        var text = "timestamp,sensor_id,value\n2012-03-01T00:00:00,773869,64.875\n2012-03-01T00:05:00,773869,401\n";

        var e = Rejection.Of(() => ObservationReader.Read(new Input(text).Stream(), "speeds.csv", options));

        e.Lines().Should().ContainSingle().Which.Should().StartWith("speeds.csv line 3, field 'value': '401' is larger than 400");
    }

    [Fact]
    public void Read_KindOfKnownSensors_ChecksEachValueAgainstItsSensorsKind()
    {
        var options = new ReaderOptions { KindOf = id => id.Value == "road-1" ? SensorKind.RoadSpeed : null };
        var text = "timestamp,sensor_id,value\n2014-01-01T00:00:00,road-1,61.5\n2014-01-01T00:00:00,gate-1,12.5\n";

        var e = Rejection.Of(() => ObservationReader.Read(new Input(text).Stream(), "body", options));

        e.Lines().Should().ContainSingle().Which.Should().StartWith("body line 3, field 'value': '12.5' is not a whole number");
    }

    [Fact]
    public void Read_KindOfKnownSensorsInWideCsv_ChecksEachColumnAgainstItsSensorsKind()
    {
        var options = new ReaderOptions { KindOf = id => id.Value == "road-1" ? SensorKind.RoadSpeed : null };
        var text = "timestamp,gate-1,road-1\n2014-01-01T00:00:00,12,61.5\n";

        ObservationReader.Read(new Input(text).Stream(), "body", options).Rows()
            .Should().Equal("gate-1@2014-01-01T00:00:00=12", "road-1@2014-01-01T00:00:00=61.5");
    }
}
