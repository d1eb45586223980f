using Surgewatch.Core.Series;

namespace Surgewatch.Core.Cluster;

/// <summary>
/// A set of the groups one family of sensors is split into (<see cref="Count"/> groups, each sensor in one by a stable
/// hash of its id, <see cref="Of(SensorId)"/>): the groups whose step a node holds, and whose sensors its deployed monitor forecasts and warns
/// about. Each group is a live step of its own (<see cref="FamilySteps"/>), so a cluster spreads a family's forecasting
/// and alerts over its nodes as it spreads zones. Immutable; compared by value.
/// </summary>
public readonly record struct SensorGroups
{
    /// <summary>How many groups each family is split into: divisible by 2, 3, 4 and 6, so that small clusters share them evenly.</summary>
    public const int Count = 12;

    private const int AllMask = (1 << Count) - 1;

    private SensorGroups(int mask) => Mask = mask;

    /// <summary>No group.</summary>
    public static SensorGroups None => default;

    /// <summary>Every group: one node holding a whole family.</summary>
    public static SensorGroups All { get; } = new(AllMask);

    /// <summary>The groups as bits (group g is bit g).</summary>
    public int Mask { get; }

    /// <summary>Whether the set holds no group.</summary>
    public bool IsEmpty => Mask == 0;

    /// <summary>Whether the set holds every group.</summary>
    public bool IsAll => Mask == AllMask;

    /// <summary>The set of group <paramref name="group"/> alone.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="group"/> is not a group.</exception>
    public static SensorGroups Single(int group)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(group, Count);
        return new(1 << group);
    }

    /// <summary>The group of sensor <paramref name="sensor"/>: a hash of its id's characters (FNV-1a), the same on every node and in every run.</summary>
    public static int Of(SensorId sensor) => Of(sensor.Value);

    /// <summary>The group of the sensor with id <paramref name="sensor"/>.</summary>
    public static int Of(string sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        var hash = 2166136261u;
        foreach (var c in sensor)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }

    /// <summary>Whether group <paramref name="group"/> is in the set.</summary>
    public bool Contains(int group) => group is >= 0 and < Count && (Mask & (1 << group)) != 0;

    /// <summary>Whether the group of <paramref name="sensor"/> is in the set.</summary>
    public bool Covers(SensorId sensor) => Contains(Of(sensor));

    /// <summary>Whether the group of the sensor with id <paramref name="sensor"/> is in the set.</summary>
    public bool Covers(string sensor) => Contains(Of(sensor));

    /// <summary>The groups of both sets.</summary>
    public SensorGroups With(SensorGroups other) => new(Mask | other.Mask);

    /// <summary>The groups of this set that <paramref name="other"/> lacks.</summary>
    public SensorGroups Except(SensorGroups other) => new(Mask & ~other.Mask);

    /// <summary>The groups in both sets.</summary>
    public SensorGroups Intersect(SensorGroups other) => new(Mask & other.Mask);

    /// <summary>The groups in the set, in order.</summary>
    public IEnumerable<int> Groups()
    {
        for (var g = 0; g < Count; g++)
        {
            if (Contains(g))
            {
                yield return g;
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => IsAll ? "all" : IsEmpty ? "none" : string.Join(',', Groups());
}
