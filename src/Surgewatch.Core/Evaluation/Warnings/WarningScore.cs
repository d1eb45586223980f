using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>How well warnings caught surges (see <see cref="WarningScorer"/> for the definitions).</summary>
/// <param name="Events">Surge events in the test period.</param>
/// <param name="RecallLead1h">Share of events warned at least one hour before they began.</param>
/// <param name="RecallDayAhead">Share of events warned by the end of the previous day.</param>
/// <param name="MedianLeadHours">Median lead of the events warned at or before their start; NaN when none was.</param>
/// <param name="Episodes">Warning episodes: maximal runs of consecutive warned hours, per sensor.</param>
/// <param name="Precision">Share of episodes that overlap an event of the same sensor within ±1 hour; NaN without episodes.</param>
/// <param name="FalseEpisodesPerSensor30d">Episodes that overlap no event, per evaluated sensor per 30 days.</param>
/// <param name="Sensors">Sensors evaluated (those with a threshold).</param>
/// <param name="TestDays">Length of the test period in days.</param>
/// <param name="WarnedHourFraction">Share of the evaluated sensor-slots (with a reading) that were warned: a rule that
/// warns all the time catches everything, and this shows what its precision cost.</param>
public sealed record WarningScore(
    int Events,
    double RecallLead1h,
    double RecallDayAhead,
    double MedianLeadHours,
    int Episodes,
    double Precision,
    double FalseEpisodesPerSensor30d,
    int Sensors,
    double TestDays,
    double WarnedHourFraction);

/// <summary>The warning figures of one sensor (<see cref="WarningScorer.ScoreWithSensors(SeriesPanel, int, int, ReadOnlySpan{double}, WarningFlags)"/>).</summary>
/// <param name="Sensor">The sensor.</param>
/// <param name="Threshold">Its surge threshold.</param>
/// <param name="Score">Its figures, as for the whole dataset but over this sensor alone.</param>
public sealed record SensorWarningScore(SensorId Sensor, double Threshold, WarningScore Score);
