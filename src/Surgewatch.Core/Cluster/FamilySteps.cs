using System.Globalization;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Cluster;

/// <summary>
/// The live steps that are not zones: each family of sensors (<see cref="ModelSubjects"/>) is split into
/// <see cref="SensorGroups.Count"/> groups, and each group's step (<c>~counters/3</c>, <c>~roads/0</c>) is held by one
/// node of a cluster at a time, like a zone's. The node holding a group's step forecasts its sensors each slot with the
/// family's model and runs their alerts (the counters' surge alerts, the roads' congestion alerts), so a family's work
/// spreads over the nodes; the node holding a family's first group (<see cref="Lead"/>) also trains the family's model.
/// Subjects start with <c>~</c>, which no zone id may hold.
/// </summary>
public static class FamilySteps
{
    /// <summary>The counters' steps start with this: <c>~counters/G</c>.</summary>
    public const string Counters = "~counters";

    /// <summary>The roads' steps start with this: <c>~roads/G</c>.</summary>
    public const string Roads = "~roads";

    /// <summary>Every group's step of every family, in a fixed order (the counters' groups, then the roads').</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. Enumerable.Range(0, SensorGroups.Count).Select(g => Step(ModelSubjects.Counters, g)), .. Enumerable.Range(0, SensorGroups.Count).Select(g => Step(ModelSubjects.Roads, g))];

    /// <summary>Whether <paramref name="subject"/> is a family's step rather than a zone's.</summary>
    public static bool Is(string subject) => subject is not null && subject.StartsWith('~');

    /// <summary>The step of group <paramref name="group"/> of <paramref name="family"/>.</summary>
    public static string Step(ModelSubjects family, int group)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(group, SensorGroups.Count);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix(family)}/{group}");
    }

    /// <summary>The step of the group that holds <paramref name="sensor"/> of <paramref name="family"/>.</summary>
    public static string Of(ModelSubjects family, SensorId sensor) => Step(family, SensorGroups.Of(sensor));

    /// <summary>The step of <paramref name="family"/>'s first group, whose holder also trains the family's model (and feeds the demo city).</summary>
    public static string Lead(ModelSubjects family) => Step(family, 0);

    /// <summary>The groups of <paramref name="family"/> whose step <paramref name="holds"/> says this node holds.</summary>
    public static SensorGroups Held(ModelSubjects family, Func<string, bool> holds)
    {
        ArgumentNullException.ThrowIfNull(holds);
        var held = SensorGroups.None;
        for (var g = 0; g < SensorGroups.Count; g++)
        {
            if (holds(Step(family, g)))
            {
                held = held.With(SensorGroups.Single(g));
            }
        }

        return held;
    }

    /// <summary>The family and group of step <paramref name="step"/>; false when it is not a family's step.</summary>
    public static bool TryParse(string step, out ModelSubjects family, out int group)
    {
        (family, group) = (ModelSubjects.Counters, -1);
        if (!Is(step) || step.IndexOf('/', StringComparison.Ordinal) is var slash && slash < 0)
        {
            return false;
        }

        family = step.AsSpan(0, slash).SequenceEqual(Roads) ? ModelSubjects.Roads : ModelSubjects.Counters;
        return (step.AsSpan(0, slash).SequenceEqual(Counters) || step.AsSpan(0, slash).SequenceEqual(Roads))
            && int.TryParse(step.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out group)
            && group < SensorGroups.Count
            && step == Step(family, group);
    }

    private static string Prefix(ModelSubjects family) => family == ModelSubjects.Roads ? Roads : Counters;
}
