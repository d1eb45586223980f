using Surgewatch.Forecasting.XGBoost.Native;

namespace Surgewatch.Forecasting.XGBoost;

/// <summary>
/// A training matrix in XGBoost's memory: float32 rows (row-major), NaN for a missing feature, and one label
/// per row. XGBoost copies the data, so the arrays may be reused once the matrix is made.
/// </summary>
public sealed class DenseMatrix : IDisposable
{
    private DenseMatrix(DMatrixHandle handle, int rows, int columns)
    {
        Handle = handle;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The number of features per row.</summary>
    public int Columns { get; }

    internal DMatrixHandle Handle { get; }

    /// <summary>
    /// Copies <paramref name="features"/> (<paramref name="columns"/> per row) and <paramref name="labels"/> (one per row)
    /// and the optional <paramref name="weights"/> (one per row) into a new matrix. Throws <see cref="XGBoostNotInstalledException"/> when the native library is missing.
    /// </summary>
    public static unsafe DenseMatrix Create(ReadOnlySpan<float> features, int columns, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (features.Length % columns != 0)
        {
            throw new ArgumentException($"{features.Length} features do not make whole rows of {columns}.", nameof(features));
        }

        var rows = features.Length / columns;
        if (labels.Length != rows)
        {
            throw new ArgumentException($"There are {rows} rows but {labels.Length} labels; give one label per row.", nameof(labels));
        }

        if (!weights.IsEmpty && weights.Length != rows)
        {
            throw new ArgumentException($"There are {rows} rows but {weights.Length} weights; give one weight per row or none.", nameof(weights));
        }

        XGBoostLibrary.EnsureAvailable();
        IntPtr raw;
        fixed (float* data = features)
        {
            XGBoostNative.Check(XGBoostNative.XGDMatrixCreateFromMat(data, (ulong)rows, (ulong)columns, float.NaN, out raw), "XGDMatrixCreateFromMat");
        }

        var handle = new DMatrixHandle(raw);
        fixed (float* label = labels)
        {
            XGBoostNative.Check(XGBoostNative.XGDMatrixSetFloatInfo(handle, "label", label, (ulong)rows), "XGDMatrixSetFloatInfo");
        }

        if (!weights.IsEmpty)
        {
            fixed (float* weight = weights)
            {
                XGBoostNative.Check(XGBoostNative.XGDMatrixSetFloatInfo(handle, "weight", weight, (ulong)rows), "XGDMatrixSetFloatInfo");
            }
        }

        return new DenseMatrix(handle, rows, columns);
    }

    /// <inheritdoc />
    public void Dispose() => Handle.Dispose();
}
