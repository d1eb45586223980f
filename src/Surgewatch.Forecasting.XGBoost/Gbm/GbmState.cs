using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;

namespace Surgewatch.Forecasting.XGBoost.Gbm;

/// <summary>
/// The stored form of a fitted <see cref="GbmModel"/>: the feature layout's width, the target kinds of the full and the
/// first-hour boosters, weekend flag, outage run, each sensor's scale by id, and the boosters' UBJSON bytes: the full
/// one, then how many first-hour ones and each of them (gbm/4; rows also gained the profile columns, and sub-hourly
/// rows two short-term ones). Loading lays the scales onto a new panel by sensor id; a sensor the model never saw gets
/// no fitted scale, so its rows use the mean of its last four weeks, as in training.
/// </summary>
internal static class GbmState
{
    public const string Tag = "gbm/4";

    /// <summary>A bound on the first-hour booster count, so that a damaged state fails clearly rather than allocating.</summary>
    private const int MaxNearBoosters = 64;

    public static byte[] Save(GbmForecaster forecaster) => StateFormat.Write(w =>
    {
        w.Write(Tag);
        w.Write(forecaster.Builder.Columns);
        w.Write((int)forecaster.Target);
        w.Write((int)forecaster.NearTarget);
        w.Write(forecaster.Builder.WeekendOnly);
        w.Write(forecaster.Builder.OutageRun);
        var panel = forecaster.Panel;
        StateFormat.WriteSensors(w, panel.Sensors);
        var scales = new double[panel.Sensors.Count];
        for (var s = 0; s < scales.Length; s++)
        {
            scales[s] = forecaster.Builder.Scale(s);
        }

        StateFormat.WriteDoubles(w, scales);
        StateFormat.WriteBlock(w, forecaster.Booster.Save());
        var near = forecaster.NearBoosters ?? [];
        w.Write(near.Count);
        foreach (var booster in near)
        {
            StateFormat.WriteBlock(w, booster.Save());
        }
    });

    public static GbmForecaster Load(ReadOnlySpan<byte> state, SeriesPanel panel, FeatureContext context, string name)
    {
        var (sensors, scales, full, near, width, target, nearTarget, weekendOnly, outageRun) = StateFormat.Read(state, r =>
        {
            StateFormat.Expect(r, Tag);
            var columns = r.ReadInt32();
            if (columns != FeatureLayout.Count && columns != FeatureLayout.Count + FeatureLayout.RecentCount)
            {
                throw new ModelStateException($"The saved gbm model has {columns} feature columns; this build has {FeatureLayout.Count} (or {FeatureLayout.Count + FeatureLayout.RecentCount} with the short-term ones). Train it again.");
            }

            var kind = ReadTarget(r);
            var nearKind = ReadTarget(r);

            var weekendOnly = r.ReadBoolean();
            var outageRun = r.ReadInt32();
            if (outageRun < 0)
            {
                throw new ModelStateException($"The saved gbm model has a negative outage run {outageRun}. Train it again.");
            }

            var ids = StateFormat.ReadSensors(r);
            var values = StateFormat.ReadDoubles(r);
            var booster = StateFormat.ReadBlock(r);
            var nearCount = r.ReadInt32();
            if (nearCount is < 0 or > MaxNearBoosters)
            {
                throw new ModelStateException($"The saved gbm model says it has {nearCount} first-hour boosters (0 to {MaxNearBoosters} expected). Train it again.");
            }

            var nearBoosters = new byte[nearCount][];
            for (var i = 0; i < nearCount; i++)
            {
                nearBoosters[i] = StateFormat.ReadBlock(r);
            }

            return (ids, values, booster, nearBoosters, columns, kind, nearKind, weekendOnly, outageRun);
        });

        var byId = new Dictionary<SensorId, double>(sensors.Length);
        for (var i = 0; i < sensors.Length; i++)
        {
            byId[sensors[i]] = scales[i];
        }

        var laid = new double[panel.Sensors.Count];
        for (var s = 0; s < laid.Length; s++)
        {
            laid[s] = byId.TryGetValue(panel.Sensors[s], out var scale) ? scale : Missing.Value;
        }

        var builder = new FeatureBuilder(panel, laid, context, recent: width > FeatureLayout.Count, weekendOnly, outageRun);
        return new GbmForecaster(panel, builder, Booster.Load(full), near.Length == 0 ? null : Array.ConvertAll(near, b => Booster.Load(b)), name, target, nearTarget);
    }

    private static GbmTarget ReadTarget(BinaryReader r)
    {
        var kind = (GbmTarget)r.ReadInt32();
        return Enum.IsDefined(kind) ? kind : throw new ModelStateException($"The saved gbm model has an unknown target kind {(int)kind}. Train it again.");
    }
}
