using FsCheck;
using FsCheck.Fluent;
using Surgewatch.Forecasting.XGBoost.Trees;

namespace Surgewatch.Forecasting.XGBoost.Tests.Trees;

/// <summary>The own evaluator against XGBoost's predictor on boosters trained here.</summary>
public class TreePredictorTest
{
    private const int Columns = 5;
    private static readonly Lazy<Booster> Squared = new(() => Train("reg:squarederror", depth: 6));

    [RequiresXGBoostFact]
    public void Predict_SquaredErrorBooster_EqualsXGBoostBitForBit()
    {
        var predictor = TreePredictor.For(Squared.Value, Columns);
        var rows = RandomRows(5_000, seed: 3);

        predictor.Ensemble.Should().NotBeNull(predictor.FallbackReason);
        Predictions(predictor, rows).Should().Equal(XGBoost(Squared.Value, rows));
    }

    [RequiresXGBoostFact]
    public void Predict_TweedieBooster_EqualsXGBoostWithinFloatRounding()
    {
        using var booster = Train("reg:tweedie", depth: 4);
        var predictor = TreePredictor.For(booster, Columns);
        var rows = RandomRows(2_000, seed: 4);

        predictor.Ensemble.Should().NotBeNull(predictor.FallbackReason);
        Predictions(predictor, rows).Should().Equal(XGBoost(booster, rows), (a, b) => Math.Abs(a - b) <= 1e-5f * Math.Max(1f, Math.Abs(b)));
    }

    [RequiresXGBoostFact]
    public void For_ObjectiveItCannotReproduce_FallsBackToXGBoost()
    {
        using var booster = Train("binary:logistic", depth: 3);
        var predictor = TreePredictor.For(booster, Columns);
        var rows = RandomRows(100, seed: 5);

        predictor.Ensemble.Should().BeNull();
        predictor.FallbackReason.Should().Contain("binary:logistic");
        Predictions(predictor, rows).Should().Equal(XGBoost(booster, rows));
    }

    [RequiresXGBoostFact]
    public void Predict_OneThreadOrSeveral_GivesTheSameValues()
    {
        var trees = TreePredictor.For(Squared.Value, Columns).Ensemble!;
        var rows = RandomRows(1_001, seed: 6);
        var one = new float[1_001];
        var several = new float[1_001];

        trees.Predict(rows, Columns, one, threads: 1);
        trees.Predict(rows, Columns, several, threads: 4);

        several.Should().Equal(one);
    }

    [RequiresXGBoostFact]
    public void Predict_AnyValuesIncludingNaNAndInfinities_EqualsXGBoost()
    {
        var trees = TreePredictor.For(Squared.Value, Columns).Ensemble!;
        var values = Gen.Elements(float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f)
            .Or(Gen.Choose(-3000, 3000).Select(i => i / 1000f));
        var rows = Gen.ArrayOf(values, Columns * 7);

        Prop.ForAll(rows.ToArbitrary(), row =>
        {
            var own = new float[7];
            trees.Predict(row, Columns, own, threads: 1);
            return own.AsSpan().SequenceEqual(XGBoost(Squared.Value, row));
        }).QuickCheckThrowOnFailure();
    }

    private static float[] Predictions(TreePredictor predictor, float[] rows)
    {
        var predictions = new float[rows.Length / Columns];
        predictor.Predict(rows, Columns, predictions);
        return predictions;
    }

    private static float[] XGBoost(Booster booster, float[] rows)
    {
        var predictions = new float[rows.Length / Columns];
        booster.Predict(rows, Columns, predictions);
        return predictions;
    }

    /// <summary>Rows of five features in [-3, 3], a fifth of them missing; the label is positive and bends at 0 and 1.</summary>
    private static float[] RandomRows(int rows, int seed)
    {
        var random = new Random(seed);
        var values = new float[rows * Columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(5) == 0 ? float.NaN : (float)((random.NextDouble() * 6) - 3);
        }

        return values;
    }

    private static Booster Train(string objective, int depth)
    {
        const int rows = 4_000;
        var features = RandomRows(rows, seed: 1);
        var labels = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var x0 = float.IsNaN(features[r * Columns]) ? 0.5f : features[r * Columns];
            var x1 = float.IsNaN(features[(r * Columns) + 1]) ? -1f : features[(r * Columns) + 1];
            labels[r] = objective == "binary:logistic" ? (x0 > x1 ? 1 : 0) : 1 + Math.Abs(x0) + (x1 > 1 ? 2 : 0) + (x0 * x1 > 0 ? 1 : 0);
        }

        using var matrix = DenseMatrix.Create(features, Columns, labels);
        var parameters = new Dictionary<string, string>
        {
            ["tree_method"] = "hist",
            ["objective"] = objective,
            ["max_depth"] = depth.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["nthread"] = "1",
            ["seed"] = "1",
            ["verbosity"] = "0",
        };
        return Booster.Train(matrix, parameters, rounds: 40);
    }
}
