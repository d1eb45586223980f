namespace Surgewatch.Ingestion.Sources;

/// <summary>The shapes of observation input Surgewatch reads.</summary>
public enum InputFormat
{
    /// <summary>CSV with one reading per line: <c>timestamp,sensor_id,count</c>.</summary>
    LongCsv = 0,

    /// <summary>CSV with one line per timestamp and one column per sensor.</summary>
    WideCsv = 1,

    /// <summary>Newline-delimited JSON, one <c>{"sensorId", "timestamp", "value"}</c> object per line.</summary>
    Ndjson = 2,
}
