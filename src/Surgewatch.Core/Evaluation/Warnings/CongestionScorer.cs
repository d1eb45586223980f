using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>How well warnings announced congestion onsets on road sensors (see <see cref="CongestionScorer"/>).</summary>
/// <param name="Score">The figures shared with the counters' warnings: events are onsets, leads in hours.</param>
/// <param name="RecallLead15m">Share of onsets warned at least 15 minutes ahead.</param>
/// <param name="RecallLead40m">Share of onsets warned at least 40 minutes ahead.</param>
/// <param name="FalseEpisodesPerSensorDay">Episodes near no onset, per evaluated sensor per day.</param>
public sealed record CongestionScore(WarningScore Score, double RecallLead15m, double RecallLead40m, double FalseEpisodesPerSensorDay);

/// <summary>Scores warnings of road congestion against congestion onsets in the test period.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Event:</b> an onset (<see cref="CongestionOnsets"/>) of a sensor with a known free-flow speed.</item>
/// <item><b>Lead:</b> an onset at slot <c>o</c> is warned with lead <c>o − i</c> when the earliest warning for any slot
/// within ±<see cref="Window"/> of it was issued at slot <c>i</c>: a warning of congestion a few minutes early or late
/// still announces that jam. Leads count from the onset, so a warning issued after it has a negative lead.</item>
/// <item><b>Episode:</b> a maximal run of warned slots with a known speed (an outage cannot be judged); it is correct
/// when it overlaps an onset of its sensor widened by <see cref="Window"/> on each side.</item>
/// </list>
/// </remarks>
public static class CongestionScorer
{
    /// <summary>How near an onset a warning or an episode must come to count for it: 15 minutes.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Scores <paramref name="flags"/> on slots <paramref name="testStart"/> to <paramref name="testEnd"/> (exclusive) of
    /// the sensors whose <paramref name="freeFlow"/> is known; onsets need the quiet time before them, which may lie
    /// before the test start.
    /// </summary>
    public static CongestionScore Score(
        SeriesPanel panel, int testStart, int testEnd, IReadOnlyList<double> freeFlow, CongestionLadder ladder, OnsetOptions onsetOptions, WarningFlags flags)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(freeFlow);
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(onsetOptions);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(testEnd, panel.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(testStart, testEnd);
        var window = Math.Max(1, (int)Math.Ceiling(Window / panel.Step));
        var perHour = TimeSpan.FromHours(1) / panel.Step;
        var days = (testEnd - testStart) * panel.Step.TotalDays;
        var leads = new List<double>();
        int sensors = 0, events = 0, lead15 = 0, lead40 = 0, lead1h = 0, episodes = 0, correct = 0;
        long present = 0, warnedSlots = 0;
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            if (!(freeFlow[s] > 0))
            {
                continue;
            }

            sensors++;
            var values = panel.Values(s)[..testEnd];
            var earliest = flags.EarliestIssue(s);
            var onsets = CongestionOnsets.Find(values, panel.Step, freeFlow[s], ladder, onsetOptions).Where(o => o >= testStart).ToList();
            var near = new bool[testEnd];
            foreach (var onset in onsets)
            {
                events++;
                var issue = WarningFlags.Never;
                for (var t = Math.Max(testStart, onset - window); t <= Math.Min(testEnd - 1, onset + window); t++)
                {
                    issue = Math.Min(issue, earliest[t]);
                    near[t] = true;
                }

                if (issue != WarningFlags.Never)
                {
                    var lead = (onset - issue) / perHour;
                    lead15 += lead >= 0.25 ? 1 : 0;
                    lead40 += lead >= 40.0 / 60 ? 1 : 0;
                    lead1h += lead >= 1 ? 1 : 0;
                    if (lead >= 0)
                    {
                        leads.Add(lead);
                    }
                }
            }

            var inEpisode = false;
            var episodeCorrect = false;
            for (var t = testStart; t <= testEnd; t++)
            {
                var known = t < testEnd && !CongestionLadder.IsOutage(values[t]);
                var warned = known && earliest[t] != WarningFlags.Never;
                present += known ? 1 : 0;
                warnedSlots += warned ? 1 : 0;
                if (warned)
                {
                    episodeCorrect |= near[t];
                    inEpisode = true;
                }
                else if (inEpisode)
                {
                    episodes++;
                    correct += episodeCorrect ? 1 : 0;
                    (inEpisode, episodeCorrect) = (false, false);
                }
            }
        }

        var median = leads.Count > 0 ? SurgeThresholds.Percentile(leads.ToArray(), 0.5) : Missing.Value;
        var falsePerDay = sensors == 0 || days <= 0 ? Missing.Value : (episodes - correct) / (double)sensors / days;
        var score = new WarningScore(
            events, Ratio(lead1h, events), Missing.Value, median, episodes, Ratio(correct, episodes), falsePerDay * 30, sensors, days,
            present == 0 ? Missing.Value : (double)warnedSlots / present);
        return new CongestionScore(score, Ratio(lead15, events), Ratio(lead40, events), falsePerDay);
    }

    private static double Ratio(int part, int whole) => whole == 0 ? Missing.Value : (double)part / whole;
}
