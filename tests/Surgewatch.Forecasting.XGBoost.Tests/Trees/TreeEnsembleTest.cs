using System.Text;
using Surgewatch.Forecasting.XGBoost.Trees;

namespace Surgewatch.Forecasting.XGBoost.Tests.Trees;

/// <summary>The evaluator on hand-written models: runs without the native library.</summary>
public class TreeEnsembleTest
{
    // Node 0: x0 < 1 (missing goes right); node 1: leaf 10; node 2: x1 < 2 (missing goes left); nodes 3, 4: leaves 20, 30.
    private const string Tree = """
        {"left_children": [1, -1, 3, -1, -1], "right_children": [2, -1, 4, -1, -1], "split_indices": [0, 0, 1, 0, 0],
         "split_conditions": [1.0, 10.0, 2.0, 20.0, 30.0], "default_left": [0, 0, 1, 0, 0], "split_type": [0, 0, 0, 0, 0]}
        """;

    [Theory]
    [InlineData(0.5f, 9f, 10.5f)]
    [InlineData(1f, 1.5f, 20.5f)]
    [InlineData(1f, 2f, 30.5f)]
    [InlineData(float.NaN, float.NaN, 20.5f)]
    [InlineData(float.NaN, 5f, 30.5f)]
    [InlineData(float.NegativeInfinity, 0f, 10.5f)]
    [InlineData(float.PositiveInfinity, float.PositiveInfinity, 30.5f)]
    public void Predict_HandWrittenTree_FollowsThresholdsAndDefaultDirections(float x0, float x1, float expected)
    {
        var trees = TreeEnsembleReader.Read(Model("reg:squarederror", "5E-1", Tree));
        var prediction = new float[1];

        trees.Predict([x0, x1], columns: 2, prediction);

        prediction[0].Should().Be(expected, "0.5 is the base score, a value equal to a threshold goes right");
    }

    [Fact]
    public void Predict_LogLinkObjective_ExponentiatesTheMargin()
    {
        var trees = TreeEnsembleReader.Read(Model("reg:tweedie", "1E0", Tree));
        var prediction = new float[1];

        trees.Predict([0f, 0f], columns: 2, prediction);

        prediction[0].Should().BeApproximately(MathF.Exp(10f), 1e-2f);
    }

    [Fact]
    public void Read_TreeDeeperThanTheLayout_ThrowsNotSupported()
    {
        var read = () => TreeEnsembleReader.Read(Model("reg:squarederror", "0", Chain(TreeEnsemble.MaxDepth + 1)));

        read.Should().Throw<NotSupportedException>().WithMessage("*depth 13*");
    }

    [Theory]
    [InlineData("binary:logistic")]
    [InlineData("multi:softprob")]
    public void Read_ObjectiveWithAnotherLink_ThrowsNotSupported(string objective)
    {
        var read = () => TreeEnsembleReader.Read(Model(objective, "0", Tree));

        read.Should().Throw<NotSupportedException>().WithMessage($"*{objective}*");
    }

    [Theory]
    [InlineData("{\"learner\": {}}")]
    [InlineData("not json")]
    public void Read_JsonNotLaidOutAsXGBoostWritesIt_ThrowsNotSupported(string json)
    {
        var read = () => TreeEnsembleReader.Read(Encoding.UTF8.GetBytes(json));

        read.Should().Throw<NotSupportedException>().WithMessage("*not laid out as XGBoost 1.7 writes it*");
    }

    [Fact]
    public void Read_BaseScoreWrittenAsAVector_ReadsTheValue()
    {
        var trees = TreeEnsembleReader.Read(Model("reg:squarederror", "[5E-1]", Tree));
        var prediction = new float[1];

        trees.Predict([0f, 0f], columns: 2, prediction);

        prediction[0].Should().Be(10.5f);
    }

    [Fact]
    public void Predict_ShallowLeafInADeeperEnsemble_IsPaddedToItsValue()
    {
        var trees = TreeEnsembleReader.Read(Model("reg:squarederror", "0", Tree, Chain(5)));
        var prediction = new float[1];

        trees.Predict([-1f, 0f], columns: 2, prediction);

        trees.Depth.Should().Be(5);
        prediction[0].Should().Be(10f + 1f, "the first tree's shallow leaf holds 10 at any depth; the chain's first left leaf holds 1");
    }

    [Fact]
    public void Predict_RowsShorterThanTheFeaturesRead_Throws()
    {
        var trees = TreeEnsembleReader.Read(Model("reg:squarederror", "0", Tree));

        var predict = () => trees.Predict([0f], columns: 1, new float[1]);

        predict.Should().Throw<ArgumentException>().WithMessage("*2 columns*");
    }

    /// <summary>A tree whose splits on x0 &lt; 0 chain rightwards <paramref name="depth"/> deep; every left child is a leaf of 1.</summary>
    private static string Chain(int depth)
    {
        var nodes = (2 * depth) + 1;
        var left = new int[nodes];
        var right = new int[nodes];
        var values = new float[nodes];
        Array.Fill(left, -1);
        Array.Fill(right, -1);
        for (var d = 0; d < depth; d++)
        {
            left[2 * d] = (2 * d) + 1;
            right[2 * d] = (2 * d) + 2;
            values[(2 * d) + 1] = 1f;
        }

        return $$"""
            {"left_children": [{{string.Join(',', left)}}], "right_children": [{{string.Join(',', right)}}],
             "split_indices": [{{string.Join(',', new int[nodes])}}], "split_conditions": [{{string.Join(',', values)}}],
             "default_left": [{{string.Join(',', new int[nodes])}}]}
            """;
    }

    private static byte[] Model(string objective, string baseScore, params string[] trees) => Encoding.UTF8.GetBytes($$$"""
        {"learner": {
          "objective": {"name": "{{{objective}}}"},
          "learner_model_param": {"base_score": "{{{baseScore}}}", "num_class": "0", "num_feature": "2", "num_target": "1"},
          "gradient_booster": {"name": "gbtree", "model": {"trees": [{{{string.Join(',', trees)}}}]}}
        }}
        """);
}
