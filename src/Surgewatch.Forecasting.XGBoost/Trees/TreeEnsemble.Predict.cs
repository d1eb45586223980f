namespace Surgewatch.Forecasting.XGBoost.Trees;

/// <summary>Evaluation: blocks of rows through all trees, blocks spread over threads.</summary>
public sealed partial class TreeEnsemble
{
    /// <summary>Rows evaluated together through every tree: their features (34 floats each) stay in L1 while the trees stream by.</summary>
    private const int BlockRows = 64;

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

    private unsafe void PredictBlock(float* features, int columns, float* predictions, int rows, int block)
    {
        var first = block * BlockRows;
        var count = Math.Min(BlockRows, rows - first);
        var sums = predictions + first;
        new Span<float>(sums, count).Fill(_baseMargin);
        var x = features + ((long)first * columns);
        var internalCount = (1 << Depth) - 1;
        fixed (Split* splits = _splits)
        fixed (float* leaves = _leaves)
        {
            for (var t = 0; t < Trees; t++)
            {
                var tree = splits + ((long)t * internalCount);
                var leaf = leaves + ((long)t * (internalCount + 1)) - internalCount;
                AddTree(tree, leaf, x, columns, sums, count);
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

    /// <summary>Adds one tree's leaf to each row's sum, four rows descending side by side (independent load chains).</summary>
    private unsafe void AddTree(Split* tree, float* leaf, float* x, int columns, float* sums, int count)
    {
        var i = 0;
        for (; i + 4 <= count; i += 4)
        {
            var r0 = x + (i * columns);
            var r1 = r0 + columns;
            var r2 = r1 + columns;
            var r3 = r2 + columns;
            int n0 = 0, n1 = 0, n2 = 0, n3 = 0;
            for (var d = 0; d < Depth; d++)
            {
                n0 = Next(tree, n0, r0);
                n1 = Next(tree, n1, r1);
                n2 = Next(tree, n2, r2);
                n3 = Next(tree, n3, r3);
            }

            sums[i] += leaf[n0];
            sums[i + 1] += leaf[n1];
            sums[i + 2] += leaf[n2];
            sums[i + 3] += leaf[n3];
        }

        for (; i < count; i++)
        {
            var r = x + (i * columns);
            var n = 0;
            for (var d = 0; d < Depth; d++)
            {
                n = Next(tree, n, r);
            }

            sums[i] += leaf[n];
        }
    }

    /// <summary>The child of <paramref name="node"/> for <paramref name="row"/>: right when value ≥ threshold, or when NaN and the default is right.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static unsafe int Next(Split* tree, int node, float* row)
    {
        var split = tree[node];
        var value = row[split.Feature];
        var right = (value >= split.Threshold ? 1 : 0) | (float.IsNaN(value) ? split.DefaultRight : 0);
        return (2 * node) + 1 + right;
    }
}
