using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Live;

/// <summary>One counter's surge outlook after an issue of <see cref="SurgeMonitor"/>.</summary>
/// <param name="Sensor">The counter.</param>
/// <param name="Threshold">Its surge threshold (NaN: too little history; never warned).</param>
/// <param name="Slot">The slot that has just begun (the issue slot).</param>
/// <param name="Probability">The highest probability the live forecasts give any slot of the horizon of reaching the threshold; null without a forecast.</param>
/// <param name="Warned">Whether the rule warns now: the current slot, or a slot the live forecasts already announce, is warned.</param>
/// <param name="WarnedSlot">The first slot from now on that is warned, or null.</param>
/// <param name="Fresh">Whether the counter reported in the last two slots (otherwise its alert is NoData).</param>
public sealed record CounterSurge(SensorId Sensor, double Threshold, TimeLabel Slot, double? Probability, bool Warned, TimeLabel? WarnedSlot, bool Fresh);

/// <summary>A maximal run of warned slots of one counter that have readings: what the warning evaluation scores.</summary>
/// <param name="Sensor">The counter.</param>
/// <param name="From">The first warned slot.</param>
/// <param name="To">The last warned slot.</param>
/// <param name="AnnouncedAt">The earliest issue slot of a warning for any slot of the run.</param>
public sealed record WarningEpisode(SensorId Sensor, TimeLabel From, TimeLabel To, TimeLabel AnnouncedAt);
