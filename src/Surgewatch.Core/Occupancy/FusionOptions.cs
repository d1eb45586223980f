namespace Surgewatch.Core.Occupancy;

/// <summary>Settings of <see cref="OccupancyFusion"/>.</summary>
/// <param name="StaleAfter">A source with no reading within this window is stale and dropped (default 5 minutes).</param>
/// <param name="DriftTimeConstant">How fast the line-counter balance is pulled toward a fresh direct or cell estimate:
/// each step closes the fraction 1 − e^(−Δt/τ) of the gap (default 15 minutes).</param>
/// <param name="QuietAfter">After this long without any crossing on the line counters (default 60 minutes) ...</param>
/// <param name="QuietTimeConstant">... the balance relaxes toward zero with this time constant (default 30 minutes), unless a fresh estimate anchors it.</param>
/// <param name="FlowWindow">Flow is the count over this window, per minute, per metre of width (default 5 minutes).</param>
public sealed record FusionOptions(
    TimeSpan StaleAfter,
    TimeSpan DriftTimeConstant,
    TimeSpan QuietAfter,
    TimeSpan QuietTimeConstant,
    TimeSpan FlowWindow)
{
    /// <summary>The defaults: stale after 5 min, drift τ 15 min, quiet after 60 min with τ 30 min, flow over 5 min.</summary>
    public static FusionOptions Default { get; } = new(
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5));

    /// <summary>
    /// How long a source reporting every <paramref name="step"/> stays fresh after its last reading's label:
    /// <see cref="StaleAfter"/> for sources reporting at least that often (or of unknown step); for slower ones two
    /// steps and <see cref="StaleAfter"/>, since a reading labelled at its interval's start arrives one step later and
    /// the next one a step after that (an hourly counter is never stale between two of its readings).
    /// </summary>
    public TimeSpan StaleWindow(TimeSpan? step) => step is { } s && s >= StaleAfter ? (2 * s) + StaleAfter : StaleAfter;

    /// <summary>Checks that every setting is positive and returns this.</summary>
    /// <exception cref="ArgumentException">A setting is zero or negative; the message names it.</exception>
    public FusionOptions Validated()
    {
        Require(StaleAfter, nameof(StaleAfter));
        Require(DriftTimeConstant, nameof(DriftTimeConstant));
        Require(QuietAfter, nameof(QuietAfter));
        Require(QuietTimeConstant, nameof(QuietTimeConstant));
        Require(FlowWindow, nameof(FlowWindow));
        return this;
    }

    private static void Require(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Fusion option {name} must be positive, but is {value}.", name);
        }
    }
}
