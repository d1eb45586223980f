using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Surgewatch.Cli.Common;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Warnings;

/// <summary>
/// Stores the forecasts of an <c>evaluate-warnings</c> sweep on disk, keyed by everything that decides them (model,
/// its version and the build of its code, its features, the data's readings, test window, calibration weeks, horizon,
/// refit interval),
/// so that a grid over rule settings neither refits nor re-forecasts. Rule settings are not part of the key: they only
/// decide how the stored forecasts are read.
/// </summary>
internal sealed class ForecastCache(DirectoryInfo directory)
{
    private const int Magic = 0x53574643; // "SWFC"
    private const int Version = 1;

    // Version 2 adds the fit count and the refit points with their calibration forecasts (--refit-every); one fit is
    // still written as version 1, so caches made before refits existed stay valid and readable both ways.
    private const int RefitVersion = 2;

    /// <summary>
    /// The full key of <paramref name="model"/>'s forecasts: <paramref name="settings"/> (which name the data, see
    /// <see cref="DataDigest"/>), the model's state version and the identity of the compiled code that forecasts (the
    /// model's assembly and Core's, whose module ids change with their code under deterministic builds), so that a
    /// changed model never reads stale forecasts.
    /// </summary>
    public static string KeyFor(string settings, IForecastModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var code = $"{model.GetType().Assembly.ManifestModule.ModuleVersionId:N} {typeof(SeriesPanel).Assembly.ManifestModule.ModuleVersionId:N}";
        return $"{settings}|{(model as IPersistentForecastModel)?.Version}|code {code}";
    }

    /// <summary>A digest of every reading and sensor id of <paramref name="panel"/>: changed data of the same shape keys new forecasts.</summary>
    public static string DataDigest(SeriesPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(panel.Sensors[s].Value + "\n"));
            hash.AppendData(MemoryMarshal.AsBytes(panel.Values(s)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>The file for <paramref name="key"/>, named after the model and a hash of the key.</summary>
    public FileInfo FileFor(string model, string key)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        return new FileInfo(Path.Combine(directory.FullName, $"{model}-{hash}.bin"));
    }

    /// <summary>The stored forecasts, or null when there are none for the key.</summary>
    public SweptForecasts? TryLoad(string model, string key)
    {
        var file = FileFor(model, key);
        if (!file.Exists)
        {
            return null;
        }

        using var reader = new BinaryReader(file.OpenRead());
        var version = reader.ReadInt32() == Magic ? reader.ReadInt32() : -1;
        if (version is not (Version or RefitVersion) || reader.ReadString() != key)
        {
            throw new UserInputException($"{file.FullName}: not a forecast cache of this version for these settings; delete it.");
        }

        var fit = TimeSpan.FromTicks(reader.ReadInt64());
        var predict = TimeSpan.FromTicks(reader.ReadInt64());
        var forecasts = new SweptForecasts(ReadTable(reader), ReadTable(reader), fit, predict);
        if (version == Version)
        {
            return forecasts;
        }

        var fits = reader.ReadInt32();
        var refits = new RefitCalibration[reader.ReadInt32()];
        for (var i = 0; i < refits.Length; i++)
        {
            refits[i] = new RefitCalibration(reader.ReadInt32(), ReadTable(reader));
        }

        return forecasts with { Fits = fits, Refits = refits };
    }

    /// <summary>Stores <paramref name="forecasts"/> under <paramref name="key"/> (written to a temporary file, then moved).</summary>
    public void Save(string model, string key, SweptForecasts forecasts)
    {
        directory.Create();
        var file = FileFor(model, key);
        var temporary = file.FullName + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            var refits = forecasts.Refits;
            writer.Write(Magic);
            writer.Write(refits.Count == 0 ? Version : RefitVersion);
            writer.Write(key);
            writer.Write(forecasts.FitTime.Ticks);
            writer.Write(forecasts.PredictTime.Ticks);
            WriteTable(writer, forecasts.Calibration);
            WriteTable(writer, forecasts.Test);
            if (refits.Count > 0)
            {
                writer.Write(forecasts.Fits);
                writer.Write(refits.Count);
                foreach (var refit in refits)
                {
                    writer.Write(refit.Point);
                    WriteTable(writer, refit.Calibration);
                }
            }
        }

        File.Move(temporary, file.FullName, overwrite: true);
    }

    private static void WriteTable(BinaryWriter writer, ForecastTable table)
    {
        writer.Write(table.Kinds);
        writer.Write(table.Series);
        writer.Write(table.From);
        writer.Write(table.To);
        foreach (var value in table.Values)
        {
            writer.Write(value);
        }
    }

    private static ForecastTable ReadTable(BinaryReader reader)
    {
        var (kinds, series, from, to) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        var values = new double[(long)kinds * series * (to - from)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadDouble();
        }

        return new ForecastTable(kinds, series, from, to, values);
    }
}
