using Surgewatch.Core.Forecasting.Persistence;

namespace Surgewatch.Core.Cluster;

/// <summary>
/// The live steps that are not zones: one per family of sensors (<see cref="ModelSubjects"/>), each held by one node of a
/// cluster at a time, like a zone's. The node holding a family's step trains the family's model, issues its forecasts
/// each slot and runs its monitor (the counters' surge alerts, the roads' congestion alerts), so the counters' and
/// the roads' work can run on two nodes. Subjects start with <c>~</c>, which no zone id may hold.
/// </summary>
public static class FamilySteps
{
    /// <summary>The counters' step: their model, forecasts and surge monitor.</summary>
    public const string Counters = "~counters";

    /// <summary>The roads' step: their model, forecasts and congestion monitor.</summary>
    public const string Roads = "~roads";

    /// <summary>Every family's step, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = [Counters, Roads];

    /// <summary>Whether <paramref name="subject"/> is a family's step rather than a zone's.</summary>
    public static bool Is(string subject) => subject is Counters or Roads;

    /// <summary>The step of <paramref name="family"/>.</summary>
    public static string Of(ModelSubjects family) => family == ModelSubjects.Roads ? Roads : Counters;
}
