using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.Text;

/// <summary>The names under which an input's sensor, timestamp and value fields appear in its errors.</summary>
internal sealed record FieldNames(string Sensor, string Timestamp, string Value);

/// <summary>
/// Builds an <see cref="ObservationBatch"/> from rows of UTF-8 fields, reporting each bad field to the error
/// list and refusing a sensor given twice for one label. <see cref="Finish"/> returns the batch only when the
/// whole input was clean.
/// </summary>
internal sealed class ObservationBuilder
{
    private readonly ReaderOptions _options;
    // By batch sensor index; an array, not a List<SensorKind>, whose generic code over a Core type the ReadyToRun
    // image cannot hold: this is read for every row.
    private SensorKind[] _kinds = new SensorKind[64];
    private int _kindCount;
    private readonly InputErrorList _errors;
    private readonly TimestampParser _timestamps;
    private readonly DuplicateDetector _duplicates = new();

    public ObservationBuilder(ReaderOptions options, InputErrorList errors, int capacity = 4096)
    {
        _options = options;
        _errors = errors;
        _timestamps = new TimestampParser(options.SiteZone);
        Batch = new ObservationBatch(capacity);
        Sensors = new SensorIdParser(Batch);
    }

    public ObservationBatch Batch { get; }

    public SensorIdParser Sensors { get; }

    /// <summary>Adds one reading, or reports every bad field of it.</summary>
    public void Add(ReadOnlySpan<byte> sensor, ReadOnlySpan<byte> timestamp, ReadOnlySpan<byte> value, int line, FieldNames names)
    {
        var sensorOk = Sensors.TryParse(sensor, out var sensorIndex, out var sensorProblem);
        var timeOk = _timestamps.TryParse(timestamp, out var label, out var timeProblem);
        var valueOk = ValueParser.TryParse(value, sensorOk ? KindOf(sensorIndex) : _options.Kind, out var number, out var valueProblem);
        if (sensorOk && timeOk && valueOk)
        {
            Batch.Add(sensorIndex, label, number);
            _duplicates.Note(sensorIndex, label.Seconds, line);
            return;
        }

        ReportIf(!sensorOk, line, names.Sensor, sensorProblem);
        ReportIf(!timeOk, line, names.Timestamp, timeProblem);
        ReportIf(!valueOk, line, names.Value, valueProblem);
    }

    /// <summary>The batch, or <see cref="InputRejectedException"/> when any error was found.</summary>
    public ObservationBatch Finish()
    {
        _duplicates.Report(Batch, _errors);
        _errors.ThrowIfAny();
        return Batch;
    }

    /// <summary>The kind the values of the batch's sensor <paramref name="sensorIndex"/> are checked against (looked up once per sensor).</summary>
    public SensorKind KindOf(int sensorIndex)
    {
        if (sensorIndex < _kindCount)
        {
            return _kinds[sensorIndex];
        }

        if (sensorIndex >= _kinds.Length)
        {
            Array.Resize(ref _kinds, Math.Max(_kinds.Length * 2, sensorIndex + 1));
        }

        for (; _kindCount <= sensorIndex; _kindCount++)
        {
            _kinds[_kindCount] = _options.KindFor(Batch.Sensors[_kindCount]);
        }

        return _kinds[sensorIndex];
    }

    private void ReportIf(bool failed, int line, string field, string problem)
    {
        if (failed)
        {
            _errors.Add(line, field, problem);
        }
    }
}
