namespace Surgewatch.Core.Occupancy;

/// <summary>
/// One reading of a zone source: for line counters the persons counted in the interval that ends at <see cref="At"/>;
/// for occupancy and cell sources the level at <see cref="At"/>.
/// </summary>
/// <param name="At">When the reading was taken (the end of its counting interval).</param>
/// <param name="Value">The reading; NaN (the missing marker) is ignored, it never counts as a fresh reading.</param>
public readonly record struct SensorReading(DateTimeOffset At, double Value);
