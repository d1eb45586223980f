using System.Buffers.Text;
using System.Text;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Text;

namespace Surgewatch.Ingestion.Csv;

/// <summary>
/// Reads a sensor graph, <c>edges.csv</c>: header <c>from_id,to_id,weight</c> (further columns ignored unless
/// they look like personal data), one directed edge per line, its weight a number above zero. A file with any bad
/// line is rejected whole, every error naming line and field. Given which sensors are known, an edge naming any
/// other sensor is such an error too.
/// </summary>
public static class EdgesCsvReader
{
    private const string Expected = "from_id,to_id,weight";

    /// <summary>
    /// Reads the file at <paramref name="path"/>; errors name the file. With <paramref name="known"/>, a sensor id
    /// it does not know is an error, whose message ends with <paramref name="unknownHint"/> (what to do about it).
    /// </summary>
    public static IReadOnlyList<SensorEdge> ReadFile(string path, ReaderOptions? options = null, Func<SensorId, bool>? known = null, string? unknownHint = null) =>
        InputStreams.ReadFile(path, options, (text, source, o) => ReadText(text, source, o, new Known(known, unknownHint)));

    /// <summary>Reads <paramref name="stream"/> (left open); errors name <paramref name="source"/>. <paramref name="known"/> and <paramref name="unknownHint"/> as for <see cref="ReadFile"/>.</summary>
    public static IReadOnlyList<SensorEdge> Read(Stream stream, string source, ReaderOptions? options = null, Func<SensorId, bool>? known = null, string? unknownHint = null) =>
        InputStreams.ReadStream(stream, source, options, (text, name, o) => ReadText(text, name, o, new Known(known, unknownHint)));

    private static IReadOnlyList<SensorEdge> ReadText(Stream text, string source, ReaderOptions options, Known known)
    {
        var errors = new InputErrorList(source, options.MaxErrors);
        var csv = new CsvRecordReader(text, errors);
        if (CsvHeader.Read(csv, errors, Expected) is not { } names || Columns(names, csv.Line, errors) is not { } columns || errors.Any)
        {
            throw errors.Rejection();
        }

        var edges = new List<SensorEdge>();
        while (csv.TryRead())
        {
            if (ReadEdge(csv, names, columns, known, errors) is { } edge)
            {
                edges.Add(edge);
            }
        }

        errors.ThrowIfAny();
        return edges;
    }

    private static (int From, int To, int Weight)? Columns(string[] names, int line, InputErrorList errors)
    {
        int from = -1, to = -1, weight = -1;
        for (var i = 0; i < names.Length; i++)
        {
            if (CsvHeader.Is(names[i], "from_id"))
            {
                CsvHeader.Claim(ref from, i, names, line, errors);
            }
            else if (CsvHeader.Is(names[i], "to_id"))
            {
                CsvHeader.Claim(ref to, i, names, line, errors);
            }
            else if (CsvHeader.Is(names[i], "weight"))
            {
                CsvHeader.Claim(ref weight, i, names, line, errors);
            }
            else if (Privacy.PrivacyGuard.IsIdentifierLikeFieldName(names[i], out var reason))
            {
                errors.Add(line, names[i], reason);
            }
        }

        CsvHeader.RequirePresent(from, "from_id", line, Expected, errors);
        CsvHeader.RequirePresent(to, "to_id", line, Expected, errors);
        CsvHeader.RequirePresent(weight, "weight", line, Expected, errors);
        return from < 0 || to < 0 || weight < 0 ? null : (from, to, weight);
    }

    private static SensorEdge? ReadEdge(CsvRecordReader csv, string[] names, (int From, int To, int Weight) columns, Known known, InputErrorList errors)
    {
        if (!CsvHeader.IsWellFormed(csv, names, errors))
        {
            return null;
        }

        var from = Id(csv, columns.From, names, known, errors);
        var to = Id(csv, columns.To, names, known, errors);
        var weightText = Utf8Text.Trim(csv[columns.Weight]);
        var weightOk = Utf8Parser.TryParse(weightText, out double weight, out var used) && used == weightText.Length && double.IsFinite(weight);
        if (!weightOk)
        {
            errors.Add(csv.Line, names[columns.Weight], $"{Utf8Text.Quote(weightText)} is not a number");
        }
        else if (!(weight > 0))
        {
            errors.Add(csv.Line, names[columns.Weight], $"{Utf8Text.Quote(weightText)} is not above zero: a weight says how strongly the two sensors relate; leave out a pair that does not");
            weightOk = false;
        }

        return from is { } f && to is { } t && weightOk ? new SensorEdge(f, t, weight) : null;
    }

    private static SensorId? Id(CsvRecordReader csv, int column, string[] names, Known known, InputErrorList errors)
    {
        var text = Encoding.UTF8.GetString(Utf8Text.Trim(csv[column]));
        if (!SensorId.IsValid(text, out var reason))
        {
            errors.Add(csv.Line, names[column], $"'{text}' is not a sensor id: {reason}");
            return null;
        }

        var id = new SensorId(text);
        if (known.Lookup is { } isKnown && !isKnown(id))
        {
            errors.Add(csv.Line, names[column], $"sensor '{text}' is not known{known.Hint}");
            return null;
        }

        return id;
    }

    /// <summary>Which sensors an edge may name (null: any), and what the error of another one adds.</summary>
    private sealed class Known(Func<SensorId, bool>? lookup, string? hint)
    {
        public Func<SensorId, bool>? Lookup { get; } = lookup;

        public string Hint { get; } = string.IsNullOrEmpty(hint) ? string.Empty : $": {hint}";
    }
}
