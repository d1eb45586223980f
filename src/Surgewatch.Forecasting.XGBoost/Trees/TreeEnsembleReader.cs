using System.Globalization;
using System.Text.Json;

namespace Surgewatch.Forecasting.XGBoost.Trees;

/// <summary>
/// Reads a <see cref="TreeEnsemble"/> from an XGBoost 1.7 model saved as JSON (<see cref="Booster.SaveJson"/>).
/// Only what the evaluator can reproduce exactly is accepted: a <c>gbtree</c> booster with one output, numerical
/// splits, trees of depth ≤ <see cref="TreeEnsemble.MaxDepth"/>, and an objective with an identity or log link;
/// anything else throws <see cref="NotSupportedException"/>, and the caller keeps XGBoost's own predictor.
/// </summary>
public static class TreeEnsembleReader
{
    private static readonly HashSet<string> Identity = ["reg:squarederror", "reg:linear", "reg:pseudohubererror", "reg:absoluteerror", "reg:squaredlogerror"];
    private static readonly HashSet<string> Exponential = ["reg:tweedie", "count:poisson", "reg:gamma"];

    /// <summary>Reads the trees, base score and link of <paramref name="json"/>.</summary>
    /// <exception cref="NotSupportedException">The model uses something this evaluator does not reproduce.</exception>
    public static TreeEnsemble Read(ReadOnlySpan<byte> json)
    {
        try
        {
            return ReadDocument(json.ToArray());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new NotSupportedException($"The model's JSON is not laid out as XGBoost 1.7 writes it ({e.Message}).", e);
        }
    }

    private static TreeEnsemble ReadDocument(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var learner = document.RootElement.GetProperty("learner");
        var objective = learner.GetProperty("objective").GetProperty("name").GetString() ?? "";
        var exponential = Exponential.Contains(objective);
        if (!exponential && !Identity.Contains(objective))
        {
            throw new NotSupportedException($"Objective '{objective}' is not evaluated outside XGBoost.");
        }

        var parameters = learner.GetProperty("learner_model_param");
        if (Number(parameters, "num_class") > 1 || Number(parameters, "num_target", 1) != 1)
        {
            throw new NotSupportedException("Models with more than one output are not evaluated outside XGBoost.");
        }

        var booster = learner.GetProperty("gradient_booster");
        if (booster.GetProperty("name").GetString() != "gbtree")
        {
            throw new NotSupportedException($"Booster '{booster.GetProperty("name").GetString()}' is not evaluated outside XGBoost.");
        }

        // Later XGBoost versions write the base score as a one-element vector, "[5E-1]".
        var baseScore = float.Parse(parameters.GetProperty("base_score").GetString()!.Trim('[', ']'), NumberStyles.Float, CultureInfo.InvariantCulture);
        var trees = ReadTrees(booster.GetProperty("model").GetProperty("trees"));
        return Lay(trees, exponential ? MathF.Log(baseScore) : baseScore, exponential);
    }

    private static int Number(JsonElement parameters, string name, int absent = 0) =>
        parameters.TryGetProperty(name, out var value) ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : absent;

    private static List<TreeNodes> ReadTrees(JsonElement trees)
    {
        var list = new List<TreeNodes>(trees.GetArrayLength());
        foreach (var tree in trees.EnumerateArray())
        {
            if (tree.TryGetProperty("split_type", out var types) && types.EnumerateArray().Any(t => t.GetInt32() != 0))
            {
                throw new NotSupportedException("Categorical splits are not evaluated outside XGBoost.");
            }

            list.Add(new TreeNodes(
                Ints(tree.GetProperty("left_children")),
                Ints(tree.GetProperty("right_children")),
                Ints(tree.GetProperty("split_indices")),
                Floats(tree.GetProperty("split_conditions")),
                Flags(tree.GetProperty("default_left"))));
        }

        return list;
    }

    private static TreeEnsemble Lay(List<TreeNodes> trees, float baseMargin, bool exponential)
    {
        var depth = 0;
        foreach (var tree in trees)
        {
            depth = Math.Max(depth, tree.Depth(0));
        }

        if (depth > TreeEnsemble.MaxDepth)
        {
            throw new NotSupportedException($"Trees of depth {depth} are deeper than the {TreeEnsemble.MaxDepth} laid out here.");
        }

        var internalCount = (1 << depth) - 1;
        var splits = new TreeEnsemble.Split[trees.Count * internalCount];
        var leaves = new float[trees.Count * (internalCount + 1)];
        for (var t = 0; t < trees.Count; t++)
        {
            var layout = new PaddedTree(splits.AsSpan(t * internalCount, internalCount), leaves.AsSpan(t * (internalCount + 1), internalCount + 1), depth);
            layout.Place(trees[t], node: 0, position: 0, level: 0);
        }

        return new TreeEnsemble(splits, leaves, trees.Count, depth, baseMargin, exponential);
    }

    private static int[] Ints(JsonElement array)
    {
        var values = new int[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            values[i++] = item.GetInt32();
        }

        return values;
    }

    private static float[] Floats(JsonElement array)
    {
        var values = new float[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            values[i++] = item.GetSingle();
        }

        return values;
    }

    /// <summary>XGBoost writes <c>default_left</c> as 0/1 numbers (1.7) or as booleans (older builds).</summary>
    private static bool[] Flags(JsonElement array)
    {
        var values = new bool[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            values[i++] = item.ValueKind == JsonValueKind.Number ? item.GetInt32() != 0 : item.GetBoolean();
        }

        return values;
    }
}
