using System.Runtime.CompilerServices;

namespace Surgewatch.Forecasting.XGBoost.Trees;

/// <summary>
/// Evaluation: blocks of rows through all trees, blocks spread over threads. Each block is first widened to two
/// copies of every feature, NaN read as +∞ in the first and −∞ in the second; a split whose missing values go right
/// reads the first copy, one whose missing values go left the second, so every split is one comparison
/// (<c>value ≥ threshold</c>), with no test for NaN on the way down.
/// </summary>
public sealed partial class TreeEnsemble
{
    /// <summary>
    /// Rows evaluated together through every tree, so each tree's splits are read once per block; their widened
    /// features (128 × 2 × 34 floats = 34 KiB, on the stack) stay in L1/L2 while the trees stream by. 128 used the
    /// least CPU of 32, 64, 128 and 256 on the refresh benchmark.
    /// </summary>
    private const int BlockRows = 128;

    /// <summary>
    /// Predicts one value per row of <paramref name="features"/> (<paramref name="columns"/> per row, NaN = missing)
    /// into <paramref name="predictions"/>, on up to <paramref name="threads"/> threads (0: one per processor).
    /// </summary>
    public unsafe void Predict(ReadOnlySpan<float> features, int columns, Span<float> predictions, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        threads = threads == 0 ? Environment.ProcessorCount : threads;
        if (columns < Features)
        {
            throw new ArgumentException($"The trees read {Features} columns; rows of {columns} are too short.", nameof(columns));
        }

        var rows = features.Length / columns;
        if (rows * columns != features.Length || predictions.Length != rows)
        {
            throw new ArgumentException($"{features.Length} features in rows of {columns} need {features.Length / columns} predictions, not {predictions.Length}.", nameof(predictions));
        }

        var blocks = (rows + BlockRows - 1) / BlockRows;
        fixed (float* x = features)
        fixed (float* y = predictions)
        {
            // Pointers cannot be captured; the arrays stay pinned until Parallel.For returns.
            var input = (nint)x;
            var output = (nint)y;
            if (threads == 1 || blocks < 2)
            {
                for (var b = 0; b < blocks; b++)
                {
                    PredictBlock((float*)input, columns, (float*)output, rows, b);
                }

                return;
            }

            Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, b => PredictBlock((float*)input, columns, (float*)output, rows, b));
        }
    }

    // Fully optimised from the first call: a refresh is one call that runs these loops millions of times, so the
    // unoptimised first tier would make the first refresh of a process several times slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void PredictBlock(float* features, int columns, float* predictions, int rows, int block)
    {
        var first = block * BlockRows;
        var count = Math.Min(BlockRows, rows - first);
        var sums = predictions + first;
        new Span<float>(sums, count).Fill(_baseMargin);
        var stride = 2 * columns;
        var wide = stackalloc float[count * stride];
        Widen(features + ((long)first * columns), wide, count * columns);
        var internalCount = (1 << Depth) - 1;
        fixed (Split* splits = _splits)
        fixed (float* leaves = _leaves)
        {
            for (var t = 0; t < Trees; t++)
            {
                var tree = splits + ((long)t * internalCount);
                var leaf = leaves + ((long)t * (internalCount + 1)) - internalCount;
                AddTree(tree, leaf, wide, stride, sums, count);
            }
        }

        if (_exponential)
        {
            for (var i = 0; i < count; i++)
            {
                sums[i] = MathF.Exp(sums[i]);
            }
        }
    }

    /// <summary>Writes each value twice: NaN as +∞ (for splits whose missing values go right), then as −∞ (go left).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Widen(float* source, float* target, int values)
    {
        for (var i = 0; i < values; i++)
        {
            var v = source[i];
            var missing = float.IsNaN(v);
            target[2 * i] = missing ? float.PositiveInfinity : v;
            target[(2 * i) + 1] = missing ? float.NegativeInfinity : v;
        }
    }

    /// <summary>Adds one tree's leaf to each row's sum, eight rows descending side by side (independent load chains).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void AddTree(Split* tree, float* leaf, float* x, int stride, float* sums, int count)
    {
        var depth = Depth;
        var i = 0;
        for (; i + 8 <= count; i += 8)
        {
            var r = x + (i * stride);
            int n0 = 0, n1 = 0, n2 = 0, n3 = 0, n4 = 0, n5 = 0, n6 = 0, n7 = 0;
            for (var d = 0; d < depth; d++)
            {
                n0 = Next(tree, n0, r);
                n1 = Next(tree, n1, r + stride);
                n2 = Next(tree, n2, r + (2 * stride));
                n3 = Next(tree, n3, r + (3 * stride));
                n4 = Next(tree, n4, r + (4 * stride));
                n5 = Next(tree, n5, r + (5 * stride));
                n6 = Next(tree, n6, r + (6 * stride));
                n7 = Next(tree, n7, r + (7 * stride));
            }

            sums[i] += leaf[n0];
            sums[i + 1] += leaf[n1];
            sums[i + 2] += leaf[n2];
            sums[i + 3] += leaf[n3];
            sums[i + 4] += leaf[n4];
            sums[i + 5] += leaf[n5];
            sums[i + 6] += leaf[n6];
            sums[i + 7] += leaf[n7];
        }

        for (; i < count; i++)
        {
            var r = x + (i * stride);
            var n = 0;
            for (var d = 0; d < depth; d++)
            {
                n = Next(tree, n, r);
            }

            sums[i] += leaf[n];
        }
    }

    /// <summary>The child of <paramref name="node"/> for a widened <paramref name="row"/>: right when value ≥ threshold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe int Next(Split* tree, int node, float* row)
    {
        var split = tree[node];
        return (2 * node) + 1 + (row[split.Offset] >= split.Threshold ? 1 : 0);
    }
}
