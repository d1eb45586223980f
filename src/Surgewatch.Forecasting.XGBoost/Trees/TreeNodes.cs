namespace Surgewatch.Forecasting.XGBoost.Trees;

/// <summary>One tree as XGBoost's JSON lists it: node i's children (-1 for a leaf), split feature, and condition (a leaf's value).</summary>
internal sealed record TreeNodes(int[] Left, int[] Right, int[] Feature, float[] Condition, bool[] DefaultLeft)
{
    public bool IsLeaf(int node) => Left[node] < 0;

    /// <summary>The number of splits on the longest path below <paramref name="node"/>.</summary>
    public int Depth(int node) => IsLeaf(node) ? 0 : 1 + Math.Max(Depth(Left[node]), Depth(Right[node]));
}

/// <summary>One tree's slice of <see cref="TreeEnsemble"/>'s arrays: splits in heap order (children of p at 2p+1, 2p+2), then the leaves.</summary>
internal readonly ref struct PaddedTree(Span<TreeEnsemble.Split> splits, Span<float> leaves, int depth)
{
    private readonly Span<TreeEnsemble.Split> _splits = splits;
    private readonly Span<float> _leaves = leaves;

    /// <summary>Lays <paramref name="tree"/>'s <paramref name="node"/> at heap <paramref name="position"/> on <paramref name="level"/>.</summary>
    public void Place(TreeNodes tree, int node, int position, int level)
    {
        if (tree.IsLeaf(node))
        {
            Fill(position, level, tree.Condition[node]);
            return;
        }

        var feature = tree.Feature[node];
        if (feature is < 0 or > (int.MaxValue / 2) - 1)
        {
            throw new NotSupportedException($"Split feature {feature} is outside the columns laid out here.");
        }

        _splits[position] = TreeEnsemble.Split.On(feature, tree.Condition[node], tree.DefaultLeft[node]);
        Place(tree, tree.Left[node], (2 * position) + 1, level + 1);
        Place(tree, tree.Right[node], (2 * position) + 2, level + 1);
    }

    /// <summary>A leaf above the full depth: every split below passes rows right, every leaf below holds its value.</summary>
    private void Fill(int position, int level, float value)
    {
        if (level == depth)
        {
            _leaves[position - _splits.Length] = value;
            return;
        }

        _splits[position] = TreeEnsemble.Split.PassRight;
        Fill((2 * position) + 1, level + 1, value);
        Fill((2 * position) + 2, level + 1, value);
    }
}
