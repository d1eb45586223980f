using System.IO.Compression;
using System.Text;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.GeoJson;
using Surgewatch.Ingestion.Ndjson;
using Surgewatch.Ingestion.Privacy;
using Surgewatch.Ingestion.Sources;

namespace Surgewatch.Fuzzing.Targets;

/// <summary>
/// The fuzz targets: each feeds arbitrary bytes to one public entry point of Surgewatch.Ingestion. A target returns
/// when the input was read or rejected with <see cref="InputRejectedException"/>; anything else it lets escape,
/// and that is a defect. This file is shared by the SharpFuzz host and by the regression test
/// (Surgewatch.Ingestion.Tests/Fuzz), which replays the corpus and every crash kept, without afl-fuzz.
/// </summary>
internal static class FuzzTargets
{
    private const string Source = "fuzz-input";

    private static readonly Dictionary<string, Action<byte[]>> Targets = new(StringComparer.Ordinal)
    {
        ["longcsv"] = input => PlainText(input, stream => LongCsvReader.Read(stream, Source)),
        ["widecsv"] = input => PlainText(input, stream => WideCsvReader.Read(stream, Source)),
        ["ndjson"] = Ndjson,
        ["zones"] = input => PlainText(input, stream => ZonesGeoJson.Read(stream, Source)),
        ["gzip"] = Gzip,
        ["privacy"] = Privacy,
        ["sensors"] = input => PlainText(input, stream => SensorsCsvReader.Read(stream, Source)),
        ["edges"] = input => PlainText(input, stream => EdgesCsvReader.Read(stream, Source)),
    };

    /// <summary>The names of the targets, as eng/fuzz.sh and the corpus folders (tests/fuzz/corpus/NAME) spell them.</summary>
    public static IReadOnlyCollection<string> Names => Targets.Keys;

    /// <summary>The target called <paramref name="name"/>; false when there is none.</summary>
    public static bool TryGet(string name, out Action<byte[]> target) =>
        Targets.TryGetValue(name, out target!);

    /// <summary>
    /// Runs <paramref name="read"/> on <paramref name="input"/> as a stream; a rejection is the expected answer to
    /// a bad input. Gzip input is left to the gzip target, so that each target's findings are its own parser's.
    /// </summary>
    private static void PlainText(byte[] input, Action<Stream> read)
    {
        if (!IsGzip(input))
        {
            ReadOrReject(() => read(new MemoryStream(input, writable: false)));
        }
    }

    /// <summary>
    /// NDJSON through both public doors, the stream and the in-memory body; they must agree on whether the input
    /// is accepted and on how many readings it holds.
    /// </summary>
    private static void Ndjson(byte[] input)
    {
        if (IsGzip(input))
        {
            return;
        }

        var streamed = CountOrRejection(() => NdjsonReader.Read(new MemoryStream(input, writable: false), Source).Count);
        var inMemory = CountOrRejection(() => NdjsonReader.Read(new ArraySegment<byte>(input), Source).Count);
        if (streamed != inMemory)
        {
            throw new FuzzInvariantException(
                $"NdjsonReader disagrees with itself: the stream reader gives {Describe(streamed)}, the in-memory reader {Describe(inMemory)}");
        }
    }

    /// <summary>
    /// Sniffing and reading through <see cref="ObservationReader"/> with gzip: gzip input (magic 1F 8B) is read as it
    /// is, which fuzzes the decompressor's error path; any other input is compressed first, which fuzzes the
    /// sniffer and the readers behind the decompressor.
    /// </summary>
    private static void Gzip(byte[] input)
    {
        var compressed = IsGzip(input) ? input : Compress(input);
        ReadOrReject(() => ObservationReader.Read(new MemoryStream(compressed, writable: false), Source));
    }

    /// <summary>The privacy guard on the input as a field name and as a sensor id (lossy UTF-8, as a reader would decode it).</summary>
    private static void Privacy(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        if (PrivacyGuard.IsIdentifierLikeFieldName(text, out var fieldReason) && fieldReason.Length == 0)
        {
            throw new FuzzInvariantException("IsIdentifierLikeFieldName refused a name without saying why");
        }

        if (PrivacyGuard.IsPersonalIdentifierValue(text, out var valueReason) && valueReason.Length == 0)
        {
            throw new FuzzInvariantException("IsPersonalIdentifierValue refused a value without saying why");
        }
    }

    /// <summary>Runs <paramref name="read"/>; a rejection is the expected answer to a bad input, so it ends the run quietly.</summary>
    private static void ReadOrReject(Action read) => CountOrRejection(() =>
    {
        read();
        return 0;
    });

    /// <summary>What <paramref name="read"/> returns, or -1 when it rejected the input.</summary>
    private static int CountOrRejection(Func<int> read)
    {
        try
        {
            return read();
        }
        catch (InputRejectedException)
        {
            return -1;
        }
    }

    private static string Describe(int count) => count < 0 ? "a rejection" : $"{count} readings";

    private static bool IsGzip(byte[] input) => input.Length >= 2 && input[0] == 0x1F && input[1] == 0x8B;

    private static byte[] Compress(byte[] input)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(input);
        }

        return output.ToArray();
    }
}
