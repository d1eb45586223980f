namespace Surgewatch.Core.Edge;

/// <summary>One labelled frame: the hand count and the counter's occupancy there.</summary>
/// <param name="Frame">0-based frame index in decode order.</param>
/// <param name="Actual">People counted by hand.</param>
/// <param name="Predicted">The counter's smoothed occupancy.</param>
public readonly record struct FrameCount(int Frame, int Actual, double Predicted);

/// <summary>How well the counter's occupancy matches hand labels.</summary>
/// <param name="Frames">Labelled frames scored.</param>
/// <param name="Mae">Mean absolute error, people per frame.</param>
/// <param name="Bias">Mean of predicted minus actual: negative is an under-count, the dangerous direction.</param>
/// <param name="MaxAbsError">The largest absolute error on any frame.</param>
public sealed record CountEvaluation(int Frames, double Mae, double Bias, double MaxAbsError)
{
    /// <summary>Scores <paramref name="counts"/>; every frame weighs the same.</summary>
    /// <exception cref="ArgumentException">No frames to score.</exception>
    public static CountEvaluation Of(IReadOnlyList<FrameCount> counts)
    {
        if (counts.Count == 0)
        {
            throw new ArgumentException("No labelled frame was scored; check the labels' frame indices against the video's length.", nameof(counts));
        }

        double absolute = 0, signed = 0, max = 0;
        foreach (var c in counts)
        {
            var error = c.Predicted - c.Actual;
            signed += error;
            absolute += Math.Abs(error);
            max = Math.Max(max, Math.Abs(error));
        }

        return new CountEvaluation(counts.Count, absolute / counts.Count, signed / counts.Count, max);
    }
}
