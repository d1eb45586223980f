using System.Globalization;
using System.IO.Compression;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Benchmarks.Ingest;

/// <summary>
/// BENCH ONLY: a minimal reader of a gzipped long CSV <c>timestamp,sensor_id,count</c> with a header line, such
/// as the Melbourne file. No quoting, no privacy guard, no error recovery: it exists so the store's benchmark has
/// a parse step before Surgewatch.Ingestion's reader is ready, and will be replaced by that reader.
/// </summary>
public sealed class BenchOnlyLongCsvGzLoader : IObservationLoader
{
    private const int BufferSize = 1 << 20;

    public string Name => "bench-only gz CSV loader";

    public ObservationBatch Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var parser = new LineParser(new ObservationBatch(1 << 20));
        var buffer = new byte[BufferSize];
        var filled = 0;
        int read;
        while ((read = gzip.Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            filled += read;
            var consumed = parser.ParseLines(buffer.AsSpan(0, filled));
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
        }

        if (filled > 0)
        {
            parser.ParseLine(buffer.AsSpan(0, filled));
        }

        return parser.Batch;
    }

    /// <summary>Parses whole lines into the batch without allocating per row.</summary>
    private sealed class LineParser(ObservationBatch batch)
    {
        private readonly Dictionary<string, int> _sensors = [];
        private long _line;

        public ObservationBatch Batch { get; } = batch;

        /// <summary>Parses every complete line of <paramref name="text"/>; returns the bytes consumed.</summary>
        public int ParseLines(ReadOnlySpan<byte> text)
        {
            var consumed = 0;
            int end;
            while ((end = text[consumed..].IndexOf((byte)'\n')) >= 0)
            {
                ParseLine(text.Slice(consumed, end));
                consumed += end + 1;
            }

            return consumed;
        }

        public void ParseLine(ReadOnlySpan<byte> line)
        {
            if (_line++ == 0 || line.IsEmpty)
            {
                return;
            }

            var first = line.IndexOf((byte)',');
            var second = first < 0 ? -1 : line[(first + 1)..].IndexOf((byte)',') + first + 1;
            if (first < 0 || second <= first)
            {
                throw new FormatException($"Line {_line}: expected timestamp,sensor_id,count.");
            }

            if (!TimeLabelParser.TryParse(line[..first], TimeZoneInfo.Utc, out var label, out var reason))
            {
                // The Melbourne labels carry no offset, so the zone is never consulted.
                throw new FormatException($"Line {_line}: {reason}.");
            }

            var count = line[(second + 1)..].TrimEnd((byte)'\r');
            if (count.IsEmpty)
            {
                return;
            }

            if (!double.TryParse(count, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"Line {_line}: '{System.Text.Encoding.ASCII.GetString(count)}' is not a number.");
            }

            Batch.Add(SensorIndex(line[(first + 1)..second]), label, value);
        }

        private int SensorIndex(ReadOnlySpan<byte> id)
        {
            Span<char> chars = stackalloc char[SensorId.MaxLength];
            if (id.Length > chars.Length)
            {
                throw new FormatException($"Line {_line}: the sensor id is longer than {SensorId.MaxLength} characters.");
            }

            for (var i = 0; i < id.Length; i++)
            {
                chars[i] = (char)id[i];
            }

            var text = chars[..id.Length];
            if (_sensors.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var index))
            {
                return index;
            }

            index = Batch.InternSensor(new SensorId(text.ToString()));
            _sensors.Add(text.ToString(), index);
            return index;
        }
    }
}
