using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Csv;

public partial class LongCsvReaderTest
{
    [Theory]
    [InlineData("2014-01-01T00:00:00,1,abc", "counts.csv.gz line 2, field 'count': 'abc' is not a number")]
    [InlineData("2014-01-01T00:00:00,1,", "counts.csv.gz line 2, field 'count': the value is empty")]
    [InlineData("2014-01-01T00:00:00,1,NaN", "counts.csv.gz line 2, field 'count': 'NaN' is not a finite number")]
    [InlineData("2014-01-01T00:00:00,1,1e400", "counts.csv.gz line 2, field 'count': '1e400' is not a finite number")]
    [InlineData("2014-01-01T00:00:00,1,-3", "counts.csv.gz line 2, field 'count': '-3' is negative; pedestrian counts cannot be negative")]
    [InlineData("2014-01-01T00:00:00,1,\"1,234\"", "counts.csv.gz line 2, field 'count': '1,234' is not a number")]
    [InlineData("2014-13-01T00:00:00,1,5", "counts.csv.gz line 2, field 'timestamp': '2014-13-01T00:00:00' is not a timestamp: 2014-13-01 is not a calendar date")]
    [InlineData("yesterday,1,5", "counts.csv.gz line 2, field 'timestamp': 'yesterday' is not a timestamp: expected an ISO-8601 date such as 2014-01-31T13:00:00")]
    [InlineData("2014-01-01T00:00:00.5,1,5", "counts.csv.gz line 2, field 'timestamp': '2014-01-01T00:00:00.5' is not a timestamp: fractions of a second are not supported; readings start on whole seconds")]
    [InlineData("0001-01-01T00:00:00+14:00,1,5", "counts.csv.gz line 2, field 'timestamp': '0001-01-01T00:00:00+14:00' is not a timestamp: a timestamp with an offset must lie between the years 0002 and 9998")]
    [InlineData(",1,5", "counts.csv.gz line 2, field 'timestamp': the timestamp is empty")]
    [InlineData("2014-01-01T00:00:00,bad id,5", "counts.csv.gz line 2, field 'sensor_id': 'bad id' is not a valid sensor id: character ' ' is not allowed (use letters, digits and . _ : -)")]
    [InlineData("2014-01-01T00:00:00,,5", "counts.csv.gz line 2, field 'sensor_id': '' is not a valid sensor id: it is empty")]
    [InlineData("2014-01-01T00:00:00,1,5,6", "counts.csv.gz line 2: expected 3 fields (timestamp,sensor_id,count) but found 4")]
    [InlineData("2014-01-01T00:00:00,1", "counts.csv.gz line 2: expected 3 fields (timestamp,sensor_id,count) but found 2")]
    [InlineData("2014-01-01T00:00:00,\"1\"x,5", "counts.csv.gz line 2, field 'sensor_id': text after the closing quote of a quoted field")]
    [InlineData("2014-01-01T00:00:00,00:1a:2b:3c:4d:5e,5", "counts.csv.gz line 2, field 'sensor_id': '00:1a:2b:3c:4d:5e' looks like a MAC address, a personal identifier; Surgewatch accepts only anonymous aggregate counts from places, not identifiers of people or their devices")]
    [InlineData("2014-01-01T00:00:00,356938035643809,5", "counts.csv.gz line 2, field 'sensor_id': '356938035643809' looks like an IMEI or IMSI (15 digits), a personal identifier; Surgewatch accepts only anonymous aggregate counts from places, not identifiers of people or their devices")]
    public void Read_BadRow_IsRejectedNamingLineAndField(string row, string expected)
    {
        var input = Input.Lines("timestamp,sensor_id,count", "2014-01-01T00:00:00,9,1", row).Gzipped();

        var e = Rejection.Of(() => LongCsvReader.Read(input.Stream(), "counts.csv.gz"));

        e.Lines().Should().Equal(expected.Replace("line 2", "line 3", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("timestamp,sensor_id", "counts.csv line 1: the header has no 'count' column; expected timestamp,sensor_id,count")]
    [InlineData("time,sensor_id,count", "counts.csv line 1, field 'time': unknown column; a long CSV has exactly the columns timestamp, sensor_id (or sensorId) and count (or value)")]
    [InlineData("timestamp,sensor_id,count,value", "counts.csv line 1, field 'value': column 4 repeats column 3 ('count')")]
    [InlineData("timestamp,sensor_id,count,imei", "counts.csv line 1, field 'imei': looks like a personal identifier (a phone or SIM identifier); Surgewatch accepts only anonymous aggregate counts")]
    [InlineData("timestamp,sensor_id,count,deviceId", "counts.csv line 1, field 'deviceId': looks like a personal identifier (a device identifier); Surgewatch accepts only anonymous aggregate counts")]
    [InlineData("timestamp,\"sensor_id,count", "counts.csv line 1: the header line is malformed: a quoted field is not closed")]
    public void Read_BadHeader_IsRejected(string header, string expected)
    {
        var e = Rejection.Of(() => LongCsvReader.Read(Input.Lines(header, "2014-01-01T00:00:00,1,5").Stream(), "counts.csv"));

        e.Lines().Should().Contain(expected);
    }

    [Fact]
    public void Read_MissingEveryColumn_ListsEachMissingColumn()
    {
        var e = Rejection.Of(() => LongCsvReader.Read(Input.Lines("a").Stream(), "counts.csv"));

        e.Lines().Should().Equal(
            "counts.csv line 1, field 'a': unknown column; a long CSV has exactly the columns timestamp, sensor_id (or sensorId) and count (or value)",
            "counts.csv line 1: the header has no 'timestamp' column; expected timestamp,sensor_id,count",
            "counts.csv line 1: the header has no 'sensor_id' column; expected timestamp,sensor_id,count",
            "counts.csv line 1: the header has no 'count' column; expected timestamp,sensor_id,count");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Read_EmptyInput_IsRejected(string text)
    {
        var e = Rejection.Of(() => LongCsvReader.Read(new Input(text).Stream(), "counts.csv"));

        e.Lines().Should().Equal("counts.csv line 1: the input is empty; expected a header line timestamp,sensor_id,count");
    }

    [Fact]
    public void Read_DuplicateInSortedInput_NamesBothLines()
    {
        var input = Input.Lines("timestamp,sensor_id,count", "2014-01-01T00:00:00,1,5", "2014-01-01T00:00:00,2,5", "2014-01-01T00:00:00,1,6");

        var e = Rejection.Of(() => LongCsvReader.Read(input.Stream(), "counts.csv"));

        e.Lines().Should().Equal("counts.csv line 4: sensor '1' at 2014-01-01T00:00:00 was already given on line 2");
    }

    [Fact]
    public void Read_DuplicatesInUnsortedInput_NamesBothLinesOfEach()
    {
        var input = Input.Lines(
            "timestamp,sensor_id,count",
            "2014-01-01T02:00:00,1,5",
            "2014-01-01T01:00:00,1,5",
            "2014-01-01T02:00:00,2,5",
            "2014-01-01T02:00:00,1,7",
            "2014-01-01T01:00:00,1,5",
            "2014-01-01T02:00:00,1,8");

        var e = Rejection.Of(() => LongCsvReader.Read(input.Stream(), "counts.csv"));

        e.Lines().Should().Equal(
            "counts.csv line 5: sensor '1' at 2014-01-01T02:00:00 was already given on line 2",
            "counts.csv line 6: sensor '1' at 2014-01-01T01:00:00 was already given on line 3",
            "counts.csv line 7: sensor '1' at 2014-01-01T02:00:00 was already given on line 2");
    }

    [Fact]
    public void Read_SameLabelWrittenDifferently_IsADuplicate()
    {
        var input = Input.Lines("timestamp,sensor_id,count", "2014-01-01T10:00:00,1,5", "2014-01-01T00:00:00Z,1,5");

        var e = Rejection.Of(() => LongCsvReader.Read(input.Stream(), "counts.csv", new ReaderOptions
        {
            SiteZone = TimeZoneInfo.FindSystemTimeZoneById("Australia/Brisbane"),
        }));

        e.Lines().Should().Equal("counts.csv line 3: sensor '1' at 2014-01-01T10:00:00 was already given on line 2");
    }

    [Fact]
    public void Read_SeveralBadFieldsInOneRow_ListsEach()
    {
        var input = Input.Lines("timestamp,sensor_id,count", "nope,a b,x");

        var e = Rejection.Of(() => LongCsvReader.Read(input.Stream(), "counts.csv"));

        e.Errors.Select(x => (x.Line, x.Field)).Should().Equal((2, "sensor_id"), (2, "timestamp"), (2, "count"));
    }

    [Fact]
    public void Read_MoreErrorsThanTheLimit_ListsTheLimitAndCountsTheRest()
    {
        var lines = new List<string> { "timestamp,sensor_id,count" };
        for (var i = 0; i < 250; i++)
        {
            lines.Add($"2014-01-01T00:00:00,{i},x{i}");
        }

        var e = Rejection.Of(() => LongCsvReader.Read(Input.Lines([.. lines]).Stream(), "counts.csv", new ReaderOptions { MaxErrors = 100 }));

        e.Errors.Should().HaveCount(100);
        e.FurtherErrorCount.Should().Be(150);
        e.Errors.Select(x => x.Line).Should().Equal(Enumerable.Range(2, 100).Select(i => (int?)i));
        e.Message.Should().EndWith("... and 150 more errors");
    }

    [Fact]
    public void Read_GoodRowsAfterABadOne_ReturnNothing()
    {
        var input = Input.Lines("timestamp,sensor_id,count", "2014-01-01T00:00:00,1,x", "2014-01-01T01:00:00,1,5");

        var e = Rejection.Of(() => LongCsvReader.Read(input.Stream(), "counts.csv"));

        e.TotalErrorCount.Should().Be(1);
    }

    [Fact]
    public void Read_CorruptGzip_IsRejected()
    {
        var bytes = Sample.Gzipped().Bytes();
        bytes[^12] ^= 0xFF;
        bytes[12] ^= 0xFF;

        var e = Rejection.Of(() => LongCsvReader.Read(new MemoryStream(bytes), "counts.csv.gz"));

        e.Errors.Should().ContainSingle().Which.Message.Should().StartWith("the compressed data is corrupt");
    }
}
