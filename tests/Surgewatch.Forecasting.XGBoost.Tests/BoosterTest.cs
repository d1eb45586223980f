namespace Surgewatch.Forecasting.XGBoost.Tests;

public class BoosterTest
{
    private static readonly Dictionary<string, string> Parameters = new()
    {
        ["tree_method"] = "hist",
        ["objective"] = "reg:squarederror",
        ["nthread"] = "1",
        ["seed"] = "1",
        ["eta"] = "0.3",
        ["max_depth"] = "4",
        ["min_child_weight"] = "0",
        ["verbosity"] = "0",
    };

    [RequiresXGBoostFact]
    public void Train_LinearData_PredictsTwiceTheInput()
    {
        using var booster = TrainDoubling();

        var predictions = new float[3];
        booster.Predict([10f, 25f, 40f], columns: 1, predictions);

        predictions.Should().Equal([20f, 50f, 80f], (a, b) => Math.Abs(a - b) < 2f);
    }

    [RequiresXGBoostFact]
    public void Load_SavedBuffer_GivesIdenticalPredictions()
    {
        using var booster = TrainDoubling();
        float[] inputs = [0f, 3.5f, 17f, float.NaN, 49f];
        var before = new float[inputs.Length];
        booster.Predict(inputs, 1, before);

        using var loaded = Booster.Load(booster.Save());
        var after = new float[inputs.Length];
        loaded.Predict(inputs, 1, after);

        after.Should().Equal(before);
    }

    [RequiresXGBoostFact]
    public void SetParameter_UnknownObjective_ThrowsWithXGBoostsMessage()
    {
        using var matrix = DenseMatrix.Create([1f, 2f], 1, [1f, 2f]);

        var train = () => Booster.Train(matrix, new Dictionary<string, string> { ["objective"] = "reg:nonsense" }, 1);

        train.Should().Throw<XGBoostException>().WithMessage("*reg:nonsense*");
    }

    [RequiresXGBoostFact]
    public void Create_LabelsNotOnePerRow_Throws()
    {
        var create = () => DenseMatrix.Create([1f, 2f, 3f, 4f], 2, [1f]);

        create.Should().Throw<ArgumentException>().WithMessage("*one label per row*");
    }

    [RequiresXGBoostFact]
    public void Version_InstalledLibrary_IsOneOrLater()
    {
        Native.XGBoostLibrary.Version.Major.Should().BeGreaterThanOrEqualTo(1);
    }

    private static Booster TrainDoubling()
    {
        var x = new float[50];
        var y = new float[50];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = i;
            y[i] = 2 * i;
        }

        using var matrix = DenseMatrix.Create(x, 1, y);
        return Booster.Train(matrix, Parameters, rounds: 100);
    }
}
