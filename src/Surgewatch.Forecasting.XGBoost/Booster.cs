using System.Globalization;
using Surgewatch.Forecasting.XGBoost.Native;

namespace Surgewatch.Forecasting.XGBoost;

/// <summary>
/// An XGBoost model: trained round by round on a <see cref="DenseMatrix"/>, then asked for predictions on dense
/// float32 rows (NaN = missing). It can be saved to and loaded from a byte buffer (UBJSON). Predictions are
/// serialised by a lock, so one booster can serve several threads.
/// </summary>
public sealed class Booster : IDisposable
{
    private const string PredictConfig = "{\"type\": 0, \"training\": false, \"iteration_begin\": 0, \"iteration_end\": 0, \"strict_shape\": false, \"cache_id\": 0, \"missing\": NaN}";
    private readonly BoosterHandle _handle;
    private readonly Lock _gate = new();

    private Booster(BoosterHandle handle) => _handle = handle;

    /// <summary>
    /// Trains a booster for <paramref name="rounds"/> rounds on <paramref name="train"/> with <paramref name="parameters"/>
    /// (XGBoost's names, e.g. <c>tree_method=hist</c>).
    /// </summary>
    public static Booster Train(DenseMatrix train, IReadOnlyDictionary<string, string> parameters, int rounds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var booster = Create(train.Handle);
        try
        {
            foreach (var (name, value) in parameters)
            {
                booster.SetParameter(name, value);
            }

            for (var i = 0; i < rounds; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                XGBoostNative.Check(XGBoostNative.XGBoosterUpdateOneIter(booster._handle, i, train.Handle), "XGBoosterUpdateOneIter");
            }

            return booster;
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <summary>Loads a booster saved with <see cref="Save"/>.</summary>
    public static unsafe Booster Load(ReadOnlySpan<byte> buffer)
    {
        var booster = Create(null);
        try
        {
            fixed (byte* data = buffer)
            {
                XGBoostNative.Check(XGBoostNative.XGBoosterLoadModelFromBuffer(booster._handle, data, (ulong)buffer.Length), "XGBoosterLoadModelFromBuffer");
            }

            return booster;
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <summary>Sets one XGBoost parameter.</summary>
    public void SetParameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        XGBoostNative.Check(XGBoostNative.XGBoosterSetParam(_handle, name, value), $"XGBoosterSetParam({name}={value})");
    }

    /// <summary>The model as a UBJSON byte buffer, for <see cref="Load"/>.</summary>
    public byte[] Save() => SaveAs("ubj");

    /// <summary>The model as XGBoost's JSON (UTF-8), which <see cref="Trees.TreeEnsembleReader"/> reads.</summary>
    public byte[] SaveJson() => SaveAs("json");

    private unsafe byte[] SaveAs(string format)
    {
        lock (_gate)
        {
            XGBoostNative.Check(XGBoostNative.XGBoosterSaveModelToBuffer(_handle, $"{{\"format\": \"{format}\"}}", out var length, out var data), "XGBoosterSaveModelToBuffer");
            return new ReadOnlySpan<byte>(data, checked((int)length)).ToArray();
        }
    }

    /// <summary>
    /// Predicts one value per row of <paramref name="features"/> (<paramref name="columns"/> per row, NaN = missing)
    /// into <paramref name="predictions"/>.
    /// </summary>
    public unsafe void Predict(ReadOnlySpan<float> features, int columns, Span<float> predictions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var rows = features.Length / columns;
        if (rows * columns != features.Length || predictions.Length != rows)
        {
            throw new ArgumentException($"{features.Length} features in rows of {columns} need {features.Length / columns} predictions, not {predictions.Length}.", nameof(predictions));
        }

        if (rows == 0)
        {
            return;
        }

        fixed (float* data = features)
        {
            var array = string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"data\": [{(ulong)data}, true], \"shape\": [{rows}, {columns}], \"typestr\": \"<f4\", \"version\": 3}}");
            lock (_gate)
            {
                XGBoostNative.Check(
                    XGBoostNative.XGBoosterPredictFromDense(_handle, array, PredictConfig, IntPtr.Zero, out _, out _, out var result), "XGBoosterPredictFromDense");
                new ReadOnlySpan<float>(result, rows).CopyTo(predictions);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();

    private static unsafe Booster Create(DMatrixHandle? cache)
    {
        XGBoostLibrary.EnsureAvailable();
        IntPtr raw;
        if (cache is null)
        {
            XGBoostNative.Check(XGBoostNative.XGBoosterCreate(null, 0, out raw), "XGBoosterCreate");
        }
        else
        {
            var matrix = cache.DangerousGetHandle();
            XGBoostNative.Check(XGBoostNative.XGBoosterCreate(&matrix, 1, out raw), "XGBoosterCreate");
        }

        return new Booster(new BoosterHandle(raw));
    }
}
