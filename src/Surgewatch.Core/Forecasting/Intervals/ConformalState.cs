using Surgewatch.Core.Forecasting.Persistence;

namespace Surgewatch.Core.Forecasting.Intervals;

/// <summary>The stored form of a <see cref="ConformalForecaster"/>: calibration, scale profiles, then the point model's state.</summary>
internal static class ConformalState
{
    public const string Tag = "conformal/1";

    public static byte[] Save(ConformalForecaster forecaster, byte[] inner) => StateFormat.Write(w =>
    {
        w.Write(Tag);
        w.Write(forecaster.NonNegative);
        var calibration = forecaster.Calibration;
        StateFormat.WriteDoubles(w, [.. calibration.Levels]);
        w.Write(calibration.Horizons);
        StateFormat.WriteDoubles(w, calibration.Offsets);
        var scale = forecaster.Scale;
        w.Write(scale.SlotsPerDay);
        StateFormat.WriteSensors(w, scale.Sensors);
        for (var i = 0; i < scale.Sensors.Count; i++)
        {
            StateFormat.WriteDoubles(w, scale.Profile(i));
        }

        StateFormat.WriteBlock(w, inner);
    });

    public static (ConformalCalibration Calibration, IntervalScale Scale, bool NonNegative, byte[] Inner) Read(ReadOnlySpan<byte> state) => StateFormat.Read(state, r =>
    {
        StateFormat.Expect(r, Tag);
        var nonNegative = r.ReadBoolean();
        var levels = StateFormat.ReadDoubles(r);
        var horizons = r.ReadInt32();
        var calibration = new ConformalCalibration(levels, horizons, StateFormat.ReadDoubles(r));
        var perDay = r.ReadInt32();
        var sensors = StateFormat.ReadSensors(r);
        var profiles = new double[sensors.Length][];
        for (var i = 0; i < profiles.Length; i++)
        {
            profiles[i] = StateFormat.ReadDoubles(r);
        }

        return (calibration, new IntervalScale(perDay, sensors, profiles), nonNegative, StateFormat.ReadBlock(r));
    });
}
