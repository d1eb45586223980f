using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Sources;

public class DataFolderTest
{
    [Fact]
    public void Read_LongCountsAndSensors_InfersTheStepAndAddsUnlistedSensors()
    {
        using var folder = new TempFolder();
        folder.Write("counts.csv.gz", Input.Lines(
            "timestamp,sensor_id,count",
            "2014-01-01T00:00:00,1,5",
            "2014-01-01T00:00:00,2,6",
            "2014-01-01T01:00:00,1,7",
            "2014-01-01T03:00:00,2,8").Gzipped());
        folder.Write("sensors.csv", Input.Lines("sensor_id,name,latitude,longitude", "1,Town Hall,-37.81,144.96", "3,Unused,,"));

        var located = DataFolder.Locate(folder.Path);
        var data = located.Read();

        located.Format.Should().Be(InputFormat.LongCsv);
        data.Step.Should().Be(Sensor.Hourly);
        data.Observations.Count.Should().Be(4);
        data.Sensors.Select(s => $"{s.Id}:{s.Name}:{s.Step}").Should().Equal("1:Town Hall:01:00:00", "3:Unused:01:00:00", "2:2:01:00:00");
    }

    [Fact]
    public void Read_WideReadingsWithoutSensors_InfersFiveMinutes()
    {
        using var folder = new TempFolder();
        folder.Write("readings.csv", Input.Lines("timestamp,a,b", "2012-03-01T00:00:00,60.5,61", "2012-03-01T00:05:00,,62", "2012-03-01T00:15:00,59,"));

        var data = DataFolder.Locate(folder.Path).Read(new ReaderOptions { Kind = SensorKind.RoadSpeed });

        data.Step.Should().Be(Sensor.FiveMinutes);
        data.Sensors.Should().Equal(
            new Sensor(new SensorId("a"), "a", null, SensorKind.RoadSpeed, Sensor.FiveMinutes),
            new Sensor(new SensorId("b"), "b", null, SensorKind.RoadSpeed, Sensor.FiveMinutes));
    }

    [Fact]
    public void Read_ConfiguredStepThatTheLabelsDoNotFit_IsRejected()
    {
        using var folder = new TempFolder();
        folder.Write("counts.csv", Input.Lines("timestamp,sensor_id,count", "2014-01-01T00:00:00,1,5", "2014-01-01T00:30:00,1,5"));

        var e = Rejection.Of(() => DataFolder.Locate(folder.Path).Read(new ReaderOptions { Step = Sensor.Hourly }));

        e.Lines().Should().Equal("counts.csv, field 'timestamp': readings are 30 min apart, which is not a whole number of the configured 1 h step");
    }

    [Fact]
    public void Read_InconsistentLabels_IsRejected()
    {
        using var folder = new TempFolder();
        folder.Write("counts.csv", Input.Lines("timestamp,sensor_id,count", "2014-01-01T00:00:00,1,5", "2014-01-01T02:00:00,1,5", "2014-01-01T05:00:00,1,5"));

        var e = Rejection.Of(() => DataFolder.Locate(folder.Path).Read());

        e.Lines().Single().Should().StartWith("counts.csv, field 'timestamp': readings are 2 h apart");
    }

    [Fact]
    public void Locate_NoObservationsFile_ExplainsWhatIsExpected()
    {
        using var folder = new TempFolder();
        folder.Write("sensors.csv", Input.Lines("sensor_id"));

        var e = Rejection.Of(() => DataFolder.Locate(folder.Path));

        e.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Source = folder.Path, Line = (int?)null, Field = (string?)null });
        e.Message.Should().Match("*holds no observations: expected counts.csv or counts.csv.gz*readings.csv*");
    }

    [Fact]
    public void Locate_TwoObservationsFiles_AsksToKeepOne()
    {
        using var folder = new TempFolder();
        folder.Write("counts.csv", Input.Lines("timestamp,sensor_id,count"));
        folder.Write("readings.csv.gz", Input.Lines("timestamp,a").Gzipped());

        var e = Rejection.Of(() => DataFolder.Locate(folder.Path));

        e.Message.Should().Match("*more than one observations file (counts.csv, readings.csv.gz); keep only one.");
    }

    [Fact]
    public void Locate_MissingDirectory_Throws()
    {
        var act = () => DataFolder.Locate(Path.Combine(Path.GetTempPath(), "surgewatch-missing-" + Guid.NewGuid().ToString("N")));

        act.Should().Throw<DirectoryNotFoundException>();
    }

    [Fact]
    public void Read_EdgesOfTheFolderSensors_AreReadWithTheData()
    {
        using var folder = new TempFolder();
        folder.Write("readings.csv", Input.Lines("timestamp,a,b", "2012-03-01T00:00:00,60.5,61", "2012-03-01T00:05:00,58,62"));
        folder.Write("sensors.csv", Input.Lines("sensor_id,name,latitude,longitude", "c,Listed only,34.1,-118.3"));
        folder.Write("edges.csv.gz", Input.Lines("from_id,to_id,weight", "a,b,0.5", "b,c,0.25").Gzipped());

        var data = DataFolder.Locate(folder.Path).Read(new ReaderOptions { Kind = SensorKind.RoadSpeed });

        data.Edges!.Select(e => $"{e.From}>{e.To}:{e.Weight}").Should().Equal("a>b:0.5", "b>c:0.25");
    }

    [Fact]
    public void Read_NoEdgesFile_HasNoGraph()
    {
        using var folder = new TempFolder();
        folder.Write("readings.csv", Input.Lines("timestamp,a", "2012-03-01T00:00:00,60.5"));

        DataFolder.Locate(folder.Path).Read(new ReaderOptions { Kind = SensorKind.RoadSpeed }).Edges.Should().BeNull();
    }

    [Fact]
    public void Read_EdgeNamingASensorTheFolderLacks_IsRejectedNamingLineAndField()
    {
        using var folder = new TempFolder();
        folder.Write("readings.csv", Input.Lines("timestamp,a,b", "2012-03-01T00:00:00,60.5,61"));
        folder.Write("edges.csv", Input.Lines("from_id,to_id,weight", "a,b,0.5", "ghost,a,0.5"));

        var e = Rejection.Of(() => DataFolder.Locate(folder.Path).Read(new ReaderOptions { Kind = SensorKind.RoadSpeed }));

        e.Lines().Single().Should().StartWith("edges.csv line 3, field 'from_id': sensor 'ghost' is not known");
    }

    [Fact]
    public void Locate_EdgesPlainAndGzipped_AsksToKeepOne()
    {
        using var folder = new TempFolder();
        folder.Write("readings.csv", Input.Lines("timestamp,a"));
        folder.Write("edges.csv", Input.Lines("from_id,to_id,weight"));
        folder.Write("edges.csv.gz", Input.Lines("from_id,to_id,weight").Gzipped());

        var e = Rejection.Of(() => DataFolder.Locate(folder.Path));

        e.Message.Should().Match("*holds both edges.csv and edges.csv.gz; keep only one.");
    }
}
