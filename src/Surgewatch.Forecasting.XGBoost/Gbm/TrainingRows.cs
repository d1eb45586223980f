namespace Surgewatch.Forecasting.XGBoost.Gbm;

/// <summary>A growing block of feature rows with their labels and weights, up to a fixed capacity.</summary>
internal sealed class TrainingRows(int capacity, int columns)
{
    private float[] _features = new float[Math.Min(capacity, 4096) * columns];
    private float[] _labels = new float[Math.Min(capacity, 4096)];
    private float[] _weights = new float[Math.Min(capacity, 4096)];

    public int Count { get; private set; }

    public bool IsFull => Count >= capacity;

    public int Columns => columns;

    public ReadOnlySpan<float> Features => _features.AsSpan(0, Count * columns);

    public ReadOnlySpan<float> Labels => _labels.AsSpan(0, Count);

    public ReadOnlySpan<float> Weights => _weights.AsSpan(0, Count);

    /// <summary>Divides every weight by their mean, so that min_child_weight and the L2 penalty keep their usual meaning.</summary>
    public void NormalizeWeights()
    {
        double sum = 0;
        foreach (var w in Weights)
        {
            sum += w;
        }

        var mean = (float)(sum / Count);
        foreach (ref var w in _weights.AsSpan(0, Count))
        {
            w /= mean;
        }
    }

    /// <summary>The row after the last committed one, to fill before <see cref="Commit"/>.</summary>
    public Span<float> Next()
    {
        if (Count == _labels.Length)
        {
            var size = Math.Min(capacity, _labels.Length * 2);
            Array.Resize(ref _features, size * columns);
            Array.Resize(ref _labels, size);
            Array.Resize(ref _weights, size);
        }

        return _features.AsSpan(Count * columns, columns);
    }

    /// <summary>Copies the previous committed row (its origin columns and all) into the next row.</summary>
    public void CopyOriginFromPrevious() =>
        _features.AsSpan((Count - 1) * columns, columns).CopyTo(_features.AsSpan(Count * columns, columns));

    public void Commit(float label, float weight)
    {
        _labels[Count] = label;
        _weights[Count] = weight;
        Count++;
    }
}
