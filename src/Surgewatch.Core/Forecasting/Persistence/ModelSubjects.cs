namespace Surgewatch.Core.Forecasting.Persistence;

/// <summary>What a saved model forecasts and warns about, which says the rule saved with it and who deploys it.</summary>
public enum ModelSubjects
{
    /// <summary>Counters (people, devices, occupancy): the surge rule (<see cref="Live.SurgeRule"/>).</summary>
    Counters,

    /// <summary>Road speed sensors: the congestion rule (<see cref="Roads.CongestionRule"/>).</summary>
    Roads,
}

/// <summary>How stores write <see cref="ModelSubjects"/>: <c>counters</c> or <c>roads</c>.</summary>
public static class ModelSubjectsText
{
    /// <summary>The stored text of <paramref name="subjects"/>.</summary>
    public static string Of(ModelSubjects subjects) => subjects switch
    {
        ModelSubjects.Counters => "counters",
        ModelSubjects.Roads => "roads",
        _ => throw new ArgumentOutOfRangeException(nameof(subjects), subjects, "Not a kind of model subjects."),
    };

    /// <summary>The subjects stored as <paramref name="text"/>.</summary>
    /// <exception cref="ModelStateException">The text is neither.</exception>
    public static ModelSubjects Parse(string text) => text switch
    {
        "counters" => ModelSubjects.Counters,
        "roads" => ModelSubjects.Roads,
        _ => throw new ModelStateException($"A saved model is for '{text}', which is neither counters nor roads."),
    };
}
