using System.Text;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.Tests.Csv;

public class EdgesCsvReaderTest
{
    private static InputRejectedException Rejection(string csv)
    {
        var act = () => EdgesCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "edges.csv");
        return act.Should().Throw<InputRejectedException>().Which;
    }

    [Fact]
    public void Read_ValidGraph_ReturnsEveryEdgeInOrder()
    {
        var edges = EdgesCsvReader.Read(new MemoryStream("from_id,to_id,weight,note\n773869,767541,0.5,x\n767541,773869,1e-1,y\n"u8.ToArray()), "edges.csv");

        edges.Select(e => (e.From.Value, e.To.Value, e.Weight)).Should().Equal(("773869", "767541", 0.5), ("767541", "773869", 0.1));
    }

    [Fact]
    public void Read_SeveralBadLines_ListsEveryErrorByLineAndField()
    {
        var errors = Rejection("from_id,to_id,weight\na,b,0.5\nb,not an id,0.5\nc,d,heavy\n").Errors;

        errors.Select(e => (e.Line, e.Field)).Should().Equal((3, "to_id"), (4, "weight"));
        errors[0].ToString().Should().StartWith("edges.csv line 3, field 'to_id'");
    }

    [Fact]
    public void Read_MissingWeightColumn_NamesTheExpectedHeader()
    {
        Rejection("from_id,to_id\na,b\n").Errors.Single().Message.Should().Contain("from_id,to_id,weight");
    }

    [Fact]
    public void Read_PersonalDataColumn_IsRefused()
    {
        Rejection("from_id,to_id,weight,driver_name\na,b,1,x\n").Errors.Single().Field.Should().Be("driver_name");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    public void Read_WeightNotAboveZero_IsRefusedNamingLineAndField(string weight)
    {
        var error = Rejection($"from_id,to_id,weight\na,b,0.5\nb,a,{weight}\n").Errors.Single();

        (error.Line, error.Field).Should().Be((3, "weight"));
        error.Message.Should().Contain("not above zero");
    }

    [Fact]
    public void Read_SensorThatIsNotKnown_IsRefusedNamingLineFieldAndSensor()
    {
        var known = new HashSet<SensorId> { new("a"), new("b") };

        var act = () => EdgesCsvReader.Read(
            new MemoryStream("from_id,to_id,weight\na,b,0.5\nb,ghost,0.5\n"u8.ToArray()), "edges.csv", known: known.Contains, unknownHint: "store it first");

        var error = act.Should().Throw<InputRejectedException>().Which.Errors.Single();
        error.ToString().Should().StartWith("edges.csv line 3, field 'to_id'").And.Contain("sensor 'ghost' is not known: store it first");
    }
}
