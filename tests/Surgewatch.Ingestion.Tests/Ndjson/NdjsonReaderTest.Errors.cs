using Surgewatch.Ingestion.Ndjson;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Ndjson;

public partial class NdjsonReaderTest
{
    private const string Valid = """{"sensorId": "9", "timestamp": "2014-01-01T00:00:00", "value": 1}""";

    [Theory]
    [InlineData("""{"sensorId": "1", "timestamp": "2014-01-01T00:00:00", "value": "5"}""", "body line 2, field 'value': expected a number but found a string")]
    [InlineData("""{"sensorId": "1", "timestamp": "2014-01-01T00:00:00", "value": null}""", "body line 2, field 'value': the value is null; leave out a missing reading instead")]
    [InlineData("""{"sensorId": "1", "timestamp": "2014-01-01T00:00:00", "value": -1}""", "body line 2, field 'value': '-1' is negative; pedestrian counts cannot be negative")]
    [InlineData("""{"sensorId": 1, "timestamp": "2014-01-01T00:00:00", "value": 5}""", "body line 2, field 'sensorId': expected a string but found a number")]
    [InlineData("""{"sensorId": "1", "timestamp": "2014-02-30T00:00:00", "value": 5}""", "body line 2, field 'timestamp': '2014-02-30T00:00:00' is not a timestamp: 2014-02-30 is not a calendar date")]
    [InlineData("""{"sensorId": "1", "value": 5}""", "body line 2, field 'timestamp': the property is missing; a reading has exactly the properties sensorId, timestamp and value")]
    [InlineData("""{"sensorId": "1", "sensorId": "2", "timestamp": "2014-01-01T00:00:00", "value": 5}""", "body line 2, field 'sensorId': the property is given twice")]
    [InlineData("""{"sensorId": "1", "timestamp": "2014-01-01T00:00:00", "value": 5, "note": "x"}""", "body line 2, field 'note': unknown property; a reading has exactly the properties sensorId, timestamp and value")]
    [InlineData("""{"sensorId": "1", "timestamp": "2014-01-01T00:00:00", "value": 5, "mac_address": "x"}""", "body line 2, field 'mac_address': looks like a personal identifier (a MAC address); Surgewatch accepts only anonymous aggregate counts")]
    [InlineData("""{"sensorId": "1", "timestamp": "2014-01-01T00:00:00", "value": 5, "im\u0065i": 1}""", "body line 2, field 'imei': looks like a personal identifier (a phone or SIM identifier); Surgewatch accepts only anonymous aggregate counts")]
    [InlineData("""{"sensorId": "+61412345678", "timestamp": "2014-01-01T00:00:00", "value": 5}""", "body line 2, field 'sensorId': '+61412345678' looks like a phone number, a personal identifier; Surgewatch accepts only anonymous aggregate counts from places, not identifiers of people or their devices")]
    [InlineData("""{"sensorId": "9", "timestamp": "2014-01-01T00:00:00", "value": 2}""", "body line 2: sensor '9' at 2014-01-01T00:00:00 was already given on line 1")]
    [InlineData("""{"sensorId": "1", "timestamp": "2014-01-01T00:00:00", "value": 5, "\udddd": 1}""", "body line 2: a property name has an invalid escape sequence")]
    [InlineData("""[1, 2]""", "body line 2: expected a JSON object such as {\"sensorId\": \"3\", \"timestamp\": \"2014-01-31T13:00:00\", \"value\": 42}")]
    [InlineData("""{"sensorId": "1", "timestamp": "2014-01-01T00:00:00", "value": 5} {}""", "body line 2: not valid JSON at character 67: '{' is invalid after a single JSON value. Expected end of data.")]
    public void Read_BadLine_IsRejectedNamingLineAndField(string line, string expected)
    {
        var e = Rejection.Of(() => NdjsonReader.Read(Input.Lines(Valid, line).Stream(), "body"));

        e.Lines().Should().Equal(expected);
    }

    [Fact]
    public void Read_MalformedJson_IsRejectedWithTheParsersReason()
    {
        var e = Rejection.Of(() => NdjsonReader.Read(Input.Lines(Valid, """{"sensorId": "1",""").Stream(), "body"));

        e.Errors.Should().ContainSingle().Which.Should().Match<Surgewatch.Ingestion.Errors.InputError>(x => x.Line == 2 && x.Field == null && x.Message == "not valid JSON at character 17: Expected start of a property name or value, but instead reached end of data.");
    }

    [Fact]
    public void Read_SeveralBadLines_ListsEachInLineOrder()
    {
        var input = Input.Lines("nope", Valid, "", """{"sensorId": "1"}""");

        var e = Rejection.Of(() => NdjsonReader.Read(input.Stream(), "body"));

        e.Errors.Select(x => (x.Line, x.Field)).Should().Equal((1, null), (4, "timestamp"), (4, "value"));
    }
}
