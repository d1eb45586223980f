namespace Surgewatch.Forecasting.XGBoost.Trees;

/// <summary>
/// A booster's regression trees in flat arrays, evaluated without XGBoost: every tree is padded to a complete tree of
/// the ensemble's depth, so a row descends a fixed number of levels with no branch on "is this a leaf" and several rows
/// descend side by side. A split sends a row right when <c>!(value &lt; threshold)</c>, or its default way when the
/// value is NaN, as XGBoost does; leaf values are summed in float, tree by tree, from the base margin, as XGBoost's CPU
/// predictor does, so predictions match it to the last bit for identity links (to float rounding for log links).
/// Read one with <see cref="TreeEnsembleReader"/>. Safe for several threads at once.
/// </summary>
public sealed partial class TreeEnsemble
{
    /// <summary>The deepest tree this evaluator lays out (a complete tree of depth 12 is 4,095 splits).</summary>
    public const int MaxDepth = 12;

    private readonly Split[] _splits;
    private readonly float[] _leaves;
    private readonly float _baseMargin;
    private readonly bool _exponential;

    internal TreeEnsemble(Split[] splits, float[] leaves, int trees, int depth, float baseMargin, bool exponential)
    {
        _splits = splits;
        _leaves = leaves;
        Trees = trees;
        Depth = depth;
        _baseMargin = baseMargin;
        _exponential = exponential;
        foreach (var split in splits)
        {
            Features = Math.Max(Features, split.Feature + 1);
        }
    }

    /// <summary>The number of columns a row needs: one past the highest feature any split reads.</summary>
    public int Features { get; }

    /// <summary>The number of trees.</summary>
    public int Trees { get; }

    /// <summary>The depth every tree is padded to (the deepest tree's depth).</summary>
    public int Depth { get; }

    /// <summary>One split of the padded layout: 8 bytes, so a depth-8 tree's 255 splits take 2 KiB.</summary>
    internal readonly record struct Split(short Feature, short DefaultRight, float Threshold)
    {
        /// <summary>A split every row passes to the right: how a leaf above the full depth is padded.</summary>
        public static Split PassRight => new(0, 1, float.NegativeInfinity);
    }
}
