using System.IO.Compression;
using System.Text;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Cli.Tests.Ingest;

public sealed partial class IngestCommandTest
{
    [Fact]
    public async Task Ingest_GzipFileCutAnywhere_ExitsWith2AndStoresNothing()
    {
        using var dir = new TempDirectory();
        var whole = Compress(DataFiles.LongCsv(sensors: 3, days: 30));
        var db = dir.File("s.db");

        // The probe's 17 mid-stream cuts, and the trailer alone cut off.
        var cuts = Enumerable.Range(1, 17).Select(k => whole.Length * k / 18).Append(whole.Length - 8);
        foreach (var cut in cuts)
        {
            var file = dir.File($"cut-{cut}.csv.gz");
            await File.WriteAllBytesAsync(file, whole[..cut]);

            var (exit, output) = await CliRunner.RunAsync("ingest", file, "--db", db);

            exit.Should().Be(2, output);
            output.Should().Contain($"cut-{cut}.csv.gz");
        }

        using var store = SqliteStore.Open(db);
        (await store.CountObservationsAsync()).Should().Be(0);
    }

    private static byte[] Compress(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
