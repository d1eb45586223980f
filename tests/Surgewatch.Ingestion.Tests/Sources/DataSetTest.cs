using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Sources;

public class DataSetTest
{
    [Fact]
    public void Load_SingleFileInAnyFormat_InfersTheStepAndGivesDefaultSensors()
    {
        using var folder = new TempFolder();
        var path = folder.Write("upload.ndjson.gz", Input.Lines(
            """{"sensorId": "cell-7", "timestamp": "2014-01-01T00:00:00", "value": 120}""",
            """{"sensorId": "cell-7", "timestamp": "2014-01-01T00:15:00", "value": 131}""").Gzipped());

        var data = DataSet.Load(path, new ReaderOptions { Kind = SensorKind.DeviceCount });

        data.Step.Should().Be(TimeSpan.FromMinutes(15));
        data.Observations.Count.Should().Be(2);
        data.Sensors.Should().Equal(new Sensor(new SensorId("cell-7"), "cell-7", null, SensorKind.DeviceCount, TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void Load_Folder_ReadsItAsADataFolder()
    {
        using var folder = new TempFolder();
        folder.Write("readings.csv", Input.Lines("timestamp,a", "2012-03-01T00:00:00,60", "2012-03-01T00:05:00,61"));

        DataSet.Load(folder.Path).Step.Should().Be(Sensor.FiveMinutes);
    }

    [Fact]
    public void Load_SingleReadingPerSensor_FallsBackToHourly()
    {
        using var folder = new TempFolder();
        var path = folder.Write("counts.csv", Input.Lines("timestamp,sensor_id,count", "2014-01-01T00:00:00,1,5"));

        DataSet.Load(path).Step.Should().Be(Sensor.Hourly);
    }
}
