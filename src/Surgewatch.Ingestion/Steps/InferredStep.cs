namespace Surgewatch.Ingestion.Steps;

/// <summary>What the labels of a batch say about its step.</summary>
/// <param name="Step">The inferred step, or null when no sensor has two distinct labels (or the labels disagree).</param>
/// <param name="Problem">Why the labels do not fit one step, or null when they do.</param>
public readonly record struct InferredStep(TimeSpan? Step, string? Problem)
{
    /// <summary>True when the labels fit one step, or are too few to tell.</summary>
    public bool IsConsistent => Problem is null;
}
