using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Ndjson;
using Surgewatch.Server.Readings;

namespace Surgewatch.Server.FunctionalTests.Readings;

public sealed class JsonArrayToNdjsonTests
{
    private static readonly string[] Spaces = ["", " ", "\n", "\r\n", "\t", "  \n  "];

    [Property(MaxTest = 200)]
    public bool Convert_AnyWhitespaceLayout_ReadsTheSameReadingsInOrder(NonNegativeInt[] hours, int layoutSeed)
    {
        var random = new Random(layoutSeed);
        string Ws() => Spaces[random.Next(Spaces.Length)];
        var json = new StringBuilder(Ws() + "[" + Ws());
        for (var i = 0; i < hours.Length; i++)
        {
            var label = new DateTime(2024, 1, 1).AddHours(i * 1000 + (hours[i].Get % 1000)).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            json.Append(i == 0 ? "" : "," + Ws())
                .Append($"{{{Ws()}\"sensorId\"{Ws()}:{Ws()}\"s-{i % 3}\",{Ws()}\"timestamp\":{Ws()}\"{label}\"{Ws()},\"value\":{Ws()}{i}{Ws()}}}");
        }

        json.Append(Ws() + "]" + Ws());

        var ndjson = JsonArrayToNdjson.Convert(Encoding.UTF8.GetBytes(json.ToString()), "test");
        var batch = NdjsonReader.Read(new MemoryStream(ndjson), "test");

        return batch.Count == hours.Length
            && Enumerable.Range(0, hours.Length).All(i => batch[i].Value == i && batch[i].SensorId.Value == $"s-{i % 3}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[{\"sensorId\":\"a\"}")]
    [InlineData("[] []")]
    [InlineData("[\"text\"]")]
    public void Convert_NotAnArrayOfObjects_ThrowsInputRejected(string json)
    {
        var act = () => JsonArrayToNdjson.Convert(Encoding.UTF8.GetBytes(json), "body");

        act.Should().Throw<InputRejectedException>().Which.Errors.Should().ContainSingle();
    }

    [Fact]
    public void Convert_EmptyArray_GivesNoLines()
    {
        JsonArrayToNdjson.Convert("[ ]"u8, "body").Should().BeEmpty();
    }
}
