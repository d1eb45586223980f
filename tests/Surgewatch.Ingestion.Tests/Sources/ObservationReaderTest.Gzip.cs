using System.Text;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Sources;

public partial class ObservationReaderTest
{
    private static byte[] ThousandRows(string format) => Encoding.UTF8.GetBytes(format switch
    {
        "long" => "timestamp,sensor_id,count\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"2014-01-01T{i / 60 % 24:00}:{i % 60:00}:00,a,{i + 500}\n")),
        "wide" => "timestamp,a\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"2014-01-01T{i / 60 % 24:00}:{i % 60:00}:00,{i + 500}\n")),
        _ => string.Concat(Enumerable.Range(0, 1000).Select(i => $"{{\"sensorId\":\"a\",\"timestamp\":\"2014-01-01T{i / 60 % 24:00}:{i % 60:00}:00\",\"value\":{i + 500}}}\n")),
    });

    [Theory]
    [InlineData("long")]
    [InlineData("wide")]
    [InlineData("ndjson")]
    public void Read_GzipCutAnywhere_IsRejectedWhole(string format)
    {
        var whole = Input.Compress(ThousandRows(format));

        // 17 cuts spread over the stream, as the probe did, then the trailer alone missing.
        var cuts = Enumerable.Range(1, 17).Select(k => whole.Length * k / 18).Append(whole.Length - 8).Append(whole.Length - 1);
        foreach (var cut in cuts)
        {
            var e = Rejection.Of(() => ObservationReader.Read(new MemoryStream(whole, 0, cut), "body"));

            e.Lines().Should().ContainSingle().Which.Should().Contain("compressed data is corrupt", $"a cut at {cut} of {whole.Length}");
        }
    }

    [Fact]
    public void ReadFile_TruncatedGzipFile_IsRejectedNamingTheFile()
    {
        using var folder = new TempFolder();
        var whole = Input.Compress(ThousandRows("long"));
        var path = Path.Combine(folder.Path, "counts.csv.gz");
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);

        var e = Rejection.Of(() => ObservationReader.ReadFile(path));

        e.Lines().Single().Should().StartWith("counts.csv.gz").And.Contain("cut off");
    }
}
