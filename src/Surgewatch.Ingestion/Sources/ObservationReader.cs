using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Ndjson;

namespace Surgewatch.Ingestion.Sources;

/// <summary>Reads observations in whichever format the input turns out to be in (see <see cref="FormatSniffer"/>), plain or gzip.</summary>
public static class ObservationReader
{
    /// <summary>Reads the file at <paramref name="path"/>; errors name the file.</summary>
    public static ObservationBatch ReadFile(string path, ReaderOptions? options = null) =>
        InputStreams.ReadFile(path, options, ReadText);

    /// <summary>Reads the file at <paramref name="path"/> as <paramref name="format"/>, without sniffing; errors name the file.</summary>
    public static ObservationBatch ReadFile(string path, InputFormat format, ReaderOptions? options = null) =>
        InputStreams.ReadFile(path, options, (text, source, o) => ReadText(text, source, format, o));

    /// <summary>Reads <paramref name="stream"/> (left open), which need not be seekable; errors name <paramref name="source"/>.</summary>
    public static ObservationBatch Read(Stream stream, string source, ReaderOptions? options = null) =>
        InputStreams.ReadStream(stream, source, options, ReadText);

    /// <summary>Reads plain text with the reader for <paramref name="format"/>.</summary>
    internal static ObservationBatch ReadText(Stream text, string source, InputFormat format, ReaderOptions options) => format switch
    {
        InputFormat.LongCsv => LongCsvReader.ReadText(text, source, options),
        InputFormat.WideCsv => WideCsvReader.ReadText(text, source, options),
        InputFormat.Ndjson => NdjsonReader.ReadText(text, source, options),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown input format."),
    };

    private static ObservationBatch ReadText(Stream text, string source, ReaderOptions options)
    {
        var head = InputStreams.ReadHead(text, FormatSniffer.MaxHeadBytes, source);
        var format = FormatSniffer.Detect(head, source);
        using var replay = new ReplayStream(head, text, leaveOpen: true);
        return ReadText(replay, source, format, options);
    }
}
