namespace Surgewatch.Core.Roads;

/// <summary>
/// When a congestion starts, the event that road warnings are about. Defined once, here: the evaluation scores
/// against it and the live rule warns of it.
/// <list type="bullet">
/// <item>A slot is <em>congested</em> when its speed is known and below the ladder's congested ratio of free flow.</item>
/// <item>A congestion is a run of congested slots lasting at least <see cref="OnsetOptions.MinRun"/> (15 min).</item>
/// <item>Its <em>onset</em> is its first slot, when the <see cref="OnsetOptions.QuietBefore"/> (30 min) before it were all
/// known and not congested. An outage breaks a run and spoils the quiet time before one: a gap is never a jam,
/// and a congestion that began during a gap has no known onset.</item>
/// </list>
/// </summary>
public static class CongestionOnsets
{
    /// <summary>The slots (indices into <paramref name="speeds"/>) where a congestion starts.</summary>
    public static IReadOnlyList<int> Find(ReadOnlySpan<double> speeds, TimeSpan step, double freeFlow, CongestionLadder ladder, OnsetOptions options)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(options);
        var onsets = new List<int>();
        if (!(freeFlow > 0))
        {
            return onsets;
        }

        var run = options.RunSlots(step);
        var quiet = options.QuietSlots(step);
        var calm = 0; // known, not congested slots just before i
        for (var i = 0; i < speeds.Length; i++)
        {
            var level = ladder.Of(speeds[i], freeFlow);
            if (level == CongestionLevel.NoData)
            {
                calm = 0;
                continue;
            }

            if (level < CongestionLevel.Congested)
            {
                calm++;
                continue;
            }

            if (calm >= quiet && Lasts(speeds, i, run, freeFlow, ladder))
            {
                onsets.Add(i);
            }

            calm = 0;
        }

        return onsets;
    }

    /// <summary>Whether slots i … i + run − 1 are all congested (known and below the congested ratio).</summary>
    private static bool Lasts(ReadOnlySpan<double> speeds, int i, int run, double freeFlow, CongestionLadder ladder)
    {
        if (i + run > speeds.Length)
        {
            return false;
        }

        for (var k = i; k < i + run; k++)
        {
            if (!ladder.IsCongested(speeds[k], freeFlow))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>How long a congestion must last to count, and how long the road must be free before its onset.</summary>
/// <param name="MinRun">The shortest congestion that counts (15 min).</param>
/// <param name="QuietBefore">Known, uncongested time before an onset (30 min).</param>
public sealed record OnsetOptions(TimeSpan MinRun, TimeSpan QuietBefore)
{
    /// <summary>15 minutes congested after 30 minutes not congested.</summary>
    public static OnsetOptions Default { get; } = new(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30));

    /// <summary>Slots a congestion must last: <see cref="MinRun"/> over the step, rounded up (3 at 5 minutes).</summary>
    public int RunSlots(TimeSpan step) => Slots(MinRun, step);

    /// <summary>Quiet slots needed before an onset (6 at 5 minutes).</summary>
    public int QuietSlots(TimeSpan step) => Slots(QuietBefore, step);

    private static int Slots(TimeSpan span, TimeSpan step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        return Math.Max(1, (int)Math.Ceiling(span / step));
    }
}
