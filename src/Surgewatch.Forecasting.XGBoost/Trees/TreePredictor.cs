namespace Surgewatch.Forecasting.XGBoost.Trees;

/// <summary>
/// Predicts with a booster's trees through <see cref="TreeEnsemble"/> when that evaluator reproduces the booster, else
/// through XGBoost. Whether it does is checked once, on probe rows made from the trees' own thresholds (values at,
/// just below and just above each threshold, and NaN), against XGBoost's predictions.
/// </summary>
public sealed class TreePredictor
{
    private const int ProbeRows = 512;

    private TreePredictor(Booster booster, TreeEnsemble? ensemble, string? reason)
    {
        Booster = booster;
        Ensemble = ensemble;
        FallbackReason = reason;
    }

    /// <summary>The booster.</summary>
    public Booster Booster { get; }

    /// <summary>The own evaluator, or null when XGBoost predicts (see <see cref="FallbackReason"/>).</summary>
    public TreeEnsemble? Ensemble { get; }

    /// <summary>Why XGBoost predicts instead of <see cref="Ensemble"/>; null when the own evaluator is used.</summary>
    public string? FallbackReason { get; }

    /// <summary>Reads <paramref name="booster"/>'s trees and checks them on rows of <paramref name="columns"/> features.</summary>
    public static TreePredictor For(Booster booster, int columns)
    {
        ArgumentNullException.ThrowIfNull(booster);
        TreeEnsemble ensemble;
        try
        {
            ensemble = TreeEnsembleReader.Read(booster.SaveJson());
        }
        catch (NotSupportedException e)
        {
            return new TreePredictor(booster, null, e.Message);
        }

        var mismatch = Mismatch(booster, ensemble, columns);
        return mismatch is null ? new TreePredictor(booster, ensemble, null) : new TreePredictor(booster, null, mismatch);
    }

    /// <summary>Predicts one value per row, as <see cref="Booster.Predict"/> does.</summary>
    public void Predict(ReadOnlySpan<float> features, int columns, Span<float> predictions)
    {
        if (Ensemble is null)
        {
            Booster.Predict(features, columns, predictions);
        }
        else
        {
            Ensemble.Predict(features, columns, predictions);
        }
    }

    private static string? Mismatch(Booster booster, TreeEnsemble ensemble, int columns)
    {
        if (columns < ensemble.Features)
        {
            return $"The trees read {ensemble.Features} columns, more than the {columns} given.";
        }

        var rows = ensemble.ProbeRows(columns, ProbeRows, seed: 7);
        var expected = new float[ProbeRows];
        var actual = new float[ProbeRows];
        booster.Predict(rows, columns, expected);
        ensemble.Predict(rows, columns, actual, threads: 1);
        for (var i = 0; i < ProbeRows; i++)
        {
            if (!(Math.Abs(expected[i] - actual[i]) <= 1e-5f * Math.Max(1f, Math.Abs(expected[i]))))
            {
                return $"The own evaluator gave {actual[i]} where XGBoost gave {expected[i]} (probe row {i}).";
            }
        }

        return null;
    }
}
