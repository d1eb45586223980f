using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Storage;

/// <summary>One ingest, as the <c>ingest_log</c> table records it.</summary>
/// <param name="At">When the ingest was written (UTC, by the store's clock).</param>
/// <param name="Received">Rows offered.</param>
/// <param name="Written">Rows that were new or changed a value.</param>
/// <param name="Sensors">Distinct sensors in the batch.</param>
/// <param name="FirstLabel">The earliest label of the batch.</param>
/// <param name="LastLabel">The latest label of the batch.</param>
public sealed record IngestLogEntry(DateTimeOffset At, long Received, long Written, int Sensors, TimeLabel FirstLabel, TimeLabel LastLabel);
