using System.Text;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.Sources;

/// <summary>
/// Tells long CSV, wide CSV and NDJSON apart from the first line: an object is NDJSON; a CSV header with a
/// <c>sensor_id</c> (or <c>sensorId</c>) column is long; one with a <c>timestamp</c> column and no sensor
/// column is wide.
/// </summary>
public static class FormatSniffer
{
    internal const int MaxHeadBytes = 1 << 20;

    /// <summary>The format whose first line <paramref name="head"/> starts with (plain text, not gzip); false when none fits.</summary>
    public static bool TryDetect(ReadOnlySpan<byte> head, out InputFormat format)
    {
        format = default;
        var content = head.IndexOfAnyExcept(" \t\r\n\uFEFF"u8);
        if (content < 0)
        {
            return false;
        }

        head = head[content..];
        if (head[0] == (byte)'{')
        {
            format = InputFormat.Ndjson;
            return true;
        }

        var end = head.IndexOf((byte)'\n');
        return TryDetectCsv(end < 0 ? head : head[..end], out format);
    }

    /// <summary>The format of the file at <paramref name="path"/> (plain or gzip); <see cref="InputRejectedException"/> when none fits.</summary>
    public static InputFormat DetectFile(string path)
    {
        using var text = InputStreams.OpenFile(path);
        var source = Path.GetFileName(path);
        return Detect(InputStreams.ReadHead(text, MaxHeadBytes, source), source);
    }

    internal static InputFormat Detect(ReadOnlySpan<byte> head, string source)
    {
        if (TryDetect(head, out var format))
        {
            return format;
        }

        var problem = head.IndexOfAnyExcept(" \t\r\n\uFEFF"u8) < 0
            ? "the input is empty"
            : "cannot tell the format";
        throw new InputRejectedException(new InputError(source, 1, null,
            $"{problem}: expected a long CSV header (timestamp,sensor_id,count), a wide CSV header (timestamp then one column per sensor id) or NDJSON objects ({{\"sensorId\": ..., \"timestamp\": ..., \"value\": ...}})"));
    }

    private static bool TryDetectCsv(ReadOnlySpan<byte> header, out InputFormat format)
    {
        format = default;
        var hasTimestamp = false;
        foreach (var range in header.Split((byte)','))
        {
            var name = Encoding.UTF8.GetString(header[range]).Trim(' ', '\t', '\r', '"');
            if (name.Equals("sensor_id", StringComparison.OrdinalIgnoreCase) || name.Equals("sensorId", StringComparison.OrdinalIgnoreCase))
            {
                format = InputFormat.LongCsv;
                return true;
            }

            hasTimestamp |= name.Equals("timestamp", StringComparison.OrdinalIgnoreCase);
        }

        format = InputFormat.WideCsv;
        return hasTimestamp;
    }
}
