namespace Surgewatch.Forecasting.XGBoost.Trees;

/// <summary>
/// A booster's regression trees in flat arrays, evaluated without XGBoost: every tree is padded to a complete tree of
/// the ensemble's depth (a leaf above it becomes splits that pass every row right), so a row descends a fixed number of
/// levels with no branch on "is this a leaf" and eight rows descend side by side. A split sends a row right when
/// <c>!(value &lt; threshold)</c>, or its default way when the value is NaN, as XGBoost does; leaf values are summed
/// in float, tree by tree, from the base margin, as XGBoost's CPU predictor does, so predictions match it to the last
/// bit for identity links (to float rounding for log links).
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

    /// <summary>
    /// One split of the padded layout, 8 bytes (a depth-8 tree's 255 splits take 2 KiB): the offset of the value it
    /// reads in a widened row (2 × feature, + 1 when missing values go left) and its threshold.
    /// </summary>
    internal readonly record struct Split(int Offset, float Threshold)
    {
        /// <summary>A split every row passes to the right (any value, and NaN read as +∞, is ≥ −∞): how a leaf above the full depth is padded.</summary>
        public static Split PassRight => new(0, float.NegativeInfinity);

        /// <summary>The feature this split reads.</summary>
        public int Feature => Offset >> 1;

        /// <summary>A split on <paramref name="feature"/> at <paramref name="threshold"/>, missing values going left or right.</summary>
        public static Split On(int feature, float threshold, bool defaultLeft) => new((2 * feature) + (defaultLeft ? 1 : 0), threshold);
    }
}
