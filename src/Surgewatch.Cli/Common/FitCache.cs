using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Surgewatch.Cli.Datasets;
using Surgewatch.Cli.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Common;

/// <summary>
/// Keeps fitted models on disk (<c>--fit-cache DIR</c>), so that a fit, the same model with the same features on the
/// same readings up to the same training end, is made once across runs: <c>backtest</c> under another protocol,
/// another <c>--refit-every</c> cadence whose refit points coincide, <c>--test-to</c>, or <c>evaluate-warnings</c> at
/// those points. Keyed by the model, its state version and the build of its code (<see cref="ForecastCache.KeyFor"/>),
/// the features, the training end and every reading before it (a fit learns from nothing else: Core's look-ahead tests
/// hold every model to that). Only models that can be saved (<see cref="IPersistentForecastModel"/>) are kept; a loaded
/// fit forecasts as the fit it was saved from.
/// </summary>
internal sealed class FitCache
{
    private const int Magic = 0x53574654; // "SWFT"
    private const int Version = 1;
    private readonly DirectoryInfo _directory;
    private readonly string _settings;

    /// <summary>A cache in <paramref name="directory"/> for fits on <paramref name="dataset"/> with the given features.</summary>
    public FitCache(DirectoryInfo directory, Dataset dataset, string? holidays, string? events)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(dataset);
        _directory = directory;
        var edges = dataset.Edges is null ? "none" : string.Join(';', dataset.Edges.Select(e => e.ToString()));
        _settings = $"{dataset.Panel.Start}|{dataset.Panel.Step}|{holidays}|{events}|edges {edges}";
    }

    /// <summary>Fits made while running (cache misses).</summary>
    public int Fitted { get; private set; }

    /// <summary>Fits read from the cache.</summary>
    public int Loaded { get; private set; }

    /// <summary><paramref name="model"/>, fitting through this cache when it can be saved; otherwise unchanged.</summary>
    public IForecastModel Wrap(IForecastModel model) => model is IPersistentForecastModel persistent ? new Cached(this, persistent) : model;

    private IForecaster Fit(IPersistentForecastModel model, SeriesPanel panel, int trainEnd, CancellationToken cancellationToken)
    {
        var key = ForecastCache.KeyFor($"{_settings}|train end {trainEnd}|data {DataBefore(panel, trainEnd)}", model);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        var file = new FileInfo(Path.Combine(_directory.FullName, $"{model.Name}-fit-{hash}.bin"));
        if (file.Exists)
        {
            using var reader = new BinaryReader(file.OpenRead());
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version || reader.ReadString() != key)
            {
                throw new UserInputException($"{file.FullName}: not a fit cache entry of this version for these settings; delete it.");
            }

            Loaded++;
            return model.Load(reader.ReadBytes(reader.ReadInt32()), panel);
        }

        var forecaster = model.Fit(panel, trainEnd, cancellationToken);
        Fitted++;
        Save(file, key, model.SaveState(forecaster));
        return forecaster;
    }

    /// <summary>A digest of every sensor id and every reading of <paramref name="panel"/> before <paramref name="trainEnd"/>.</summary>
    private static string DataBefore(SeriesPanel panel, int trainEnd)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(panel.Sensors[s].Value + "\n"));
            hash.AppendData(MemoryMarshal.AsBytes(panel.Values(s)[..trainEnd]));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private void Save(FileInfo file, string key, byte[] state)
    {
        _directory.Create();
        var temporary = file.FullName + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(key);
            writer.Write(state.Length);
            writer.Write(state);
        }

        File.Move(temporary, file.FullName, overwrite: true);
    }

    private sealed class Cached(FitCache cache, IPersistentForecastModel inner) : IForecastModel
    {
        public string Name => inner.Name;

        public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default) =>
            cache.Fit(inner, panel, trainEnd, cancellationToken);
    }
}
