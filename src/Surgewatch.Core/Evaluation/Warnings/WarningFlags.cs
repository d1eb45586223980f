namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>
/// Which slots the system warned about, per series, and the earliest issue slot of a warning for each: a forecast
/// issued at the end of origin slot <c>o</c> (issue slot <c>o + 1</c>) whose upper bound reaches the threshold at
/// target slot <c>t</c> flags <c>t</c>.
/// </summary>
public sealed class WarningFlags
{
    /// <summary>No warning for the slot.</summary>
    public const int Never = int.MaxValue;

    private readonly int[][] _earliest;

    /// <summary>Creates empty flags for <paramref name="series"/> series over <paramref name="length"/> slots.</summary>
    public WarningFlags(int series, int length)
    {
        _earliest = new int[series][];
        for (var s = 0; s < series; s++)
        {
            _earliest[s] = new int[length];
            Array.Fill(_earliest[s], Never);
        }
    }

    /// <summary>Records a warning for slot <paramref name="target"/> of <paramref name="series"/> issued at <paramref name="issueSlot"/>.</summary>
    public void Flag(int series, int target, int issueSlot)
    {
        var row = _earliest[series];
        if ((uint)target < (uint)row.Length && issueSlot < row[target])
        {
            row[target] = issueSlot;
        }
    }

    /// <summary>The earliest issue slot per slot of <paramref name="series"/>; <see cref="Never"/> where none.</summary>
    public ReadOnlySpan<int> EarliestIssue(int series) => _earliest[series];

    /// <summary>
    /// Keeps every warning of <paramref name="series"/> on for <paramref name="slots"/> slots after the last warned slot
    /// (the alert lifecycle's keep-firing-for), within slots <paramref name="from"/> to <paramref name="to"/>. A slot
    /// kept on counts as warned from its own start only, so keeping a warning on never adds lead to an event.
    /// </summary>
    public void KeepFiring(int series, int slots, int from, int to)
    {
        var row = _earliest[series];
        to = Math.Min(to, row.Length);
        var lastWarned = int.MinValue;
        for (var t = Math.Max(0, from); t < to; t++)
        {
            if (row[t] != Never)
            {
                lastWarned = t;
            }
            else if (lastWarned != int.MinValue && t - lastWarned <= slots)
            {
                row[t] = t;
            }
        }
    }
}
