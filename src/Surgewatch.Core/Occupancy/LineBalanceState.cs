using Surgewatch.Core.Series;

namespace Surgewatch.Core.Occupancy;

/// <summary>
/// What fusion carries from one step to the next for one zone: the running in − out balance of its line counters.
/// Immutable; pass the state returned by one step into the next.
/// </summary>
/// <param name="Balance">Persons by the line counters' balance, or null while the counters have not been fresh.</param>
/// <param name="IntegratedUntil">The moment of the step that made this state: the corrections ran up to it.</param>
/// <param name="LastCrossingAt">When the counters last counted anyone, for the quiet-period relaxation.</param>
public sealed record LineBalanceState(double? Balance, DateTimeOffset IntegratedUntil, DateTimeOffset LastCrossingAt)
{
    private static readonly IReadOnlyDictionary<SensorId, DateTimeOffset> None = new Dictionary<SensorId, DateTimeOffset>();

    /// <summary>
    /// Per line sensor, the label of its latest count in the balance: a count is added once, at the first step that
    /// sees it, whenever it arrives. A counter labels a count with the start of its interval and sends it when the
    /// interval has ended, so the count arrives after steps later than its label; a sensor without a mark yet counts
    /// what is labelled after <see cref="IntegratedUntil"/> less its step.
    /// </summary>
    public IReadOnlyDictionary<SensorId, DateTimeOffset> Counted { get; init; } = None;

    /// <summary>The state before the first step at <paramref name="start"/>: no balance yet.</summary>
    public static LineBalanceState Start(DateTimeOffset start) => new(null, start, start);

    /// <summary>The earliest label a count could still be added after: the lowest mark, or <see cref="IntegratedUntil"/>.</summary>
    public DateTimeOffset EarliestMark()
    {
        var earliest = IntegratedUntil;
        foreach (var mark in Counted.Values)
        {
            earliest = mark < earliest ? mark : earliest;
        }

        return earliest;
    }

    /// <summary>
    /// <see cref="Counted"/> as text for a store: <c>sensor=utcTicks</c> pairs separated by spaces, ordered by sensor
    /// (sensor ids hold neither); empty without marks.
    /// </summary>
    public string CountedText() => string.Join(' ', Counted.OrderBy(p => p.Key.Value, StringComparer.Ordinal)
        .Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Key.Value}={p.Value.UtcTicks}")));

    /// <summary>Marks written by <see cref="CountedText"/>.</summary>
    /// <exception cref="FormatException">The text is not such pairs.</exception>
    public static IReadOnlyDictionary<SensorId, DateTimeOffset> ParseCounted(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var marks = new Dictionary<SensorId, DateTimeOffset>();
        foreach (var pair in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || !SensorId.IsValid(pair[..at], out _)
                || !long.TryParse(pair.AsSpan(at + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                throw new FormatException($"'{pair}' is not a line count mark (sensor=utcTicks).");
            }

            marks[new SensorId(pair[..at])] = new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        return marks;
    }

    /// <inheritdoc />
    public bool Equals(LineBalanceState? other) =>
        other is not null && Balance == other.Balance && IntegratedUntil == other.IntegratedUntil && LastCrossingAt == other.LastCrossingAt
        && Counted.Count == other.Counted.Count && Counted.All(p => other.Counted.TryGetValue(p.Key, out var mark) && mark == p.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Balance, IntegratedUntil, LastCrossingAt, Counted.Count);
}
