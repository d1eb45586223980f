using Surgewatch.Core.Roads;
using Surgewatch.Ingestion.Roads;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Roads;

public sealed class RoadsCsvReaderTest
{
    /// <summary>The header as docs/roads.md documents it (not taken from the reader, so a change to it fails here).</summary>
    private const string Header = "sensor_id,free_flow,slowing,congested,jammed";

    [Fact]
    public void Read_ValidFile_ReadsOverridesAndDefaults()
    {
        var roads = Read(Input.Lines("# LA corridor", Header, "773869,65,,,", "767541,,0.85,0.55,0.3", "767542,,,,"));

        roads.Should().HaveCount(3);
        roads[0].Should().BeEquivalentTo(new { FreeFlowSpeed = 65.0, Ladder = CongestionLadder.Default });
        roads[0].Sensor.Value.Should().Be("773869");
        roads[1].FreeFlowSpeed.Should().BeNull();
        roads[1].Ladder.Should().Be(new CongestionLadder(0.85, 0.55, 0.3));
        roads[2].FreeFlowOr(61.5).Should().Be(61.5, "an empty free_flow is estimated from the history");
    }

    [Theory]
    [InlineData("773869,fast,,,", "free_flow")]
    [InlineData("773869,0,,,", "free_flow")]
    [InlineData("773869,-5,,,", "free_flow")]
    [InlineData("773869,,1.2,,", "slowing")]
    [InlineData("773869,,,0,", "congested")]
    [InlineData("773869,,0.5,,", "congested")]
    [InlineData("773869,,,0.3,", "congested")]
    [InlineData("bad id!,,,,", "sensor_id")]
    [InlineData("00:1a:2b:3c:4d:5e,,,,", "sensor_id")]
    public void Read_BadLine_IsRejectedNamingLineAndField(string line, string field)
    {
        var e = Rejection.Of(() => Read(Input.Lines(Header, line)));

        e.Errors.Single().Should().BeEquivalentTo(new { Source = "roads.csv", Line = 2, Field = field });
    }

    [Fact]
    public void Read_SensorTwice_IsRejectedNamingTheFirstLine()
    {
        var e = Rejection.Of(() => Read(Input.Lines(Header, "1,60,,,", "2,60,,,", "1,55,,,")));

        var error = e.Errors.Single();
        error.Should().BeEquivalentTo(new { Line = 4, Field = "sensor_id" });
        error.Message.Should().Contain("line 2");
    }

    [Fact]
    public void Read_WrongHeader_SaysWhatIsExpected() =>
        Rejection.Of(() => Read(Input.Lines("sensor,free_flow"))).Errors.Single().Message.Should().Contain(Header);

    private static IReadOnlyList<RoadSettings> Read(Input input) => RoadsCsvReader.Read(input.Stream(), "roads.csv");
}
