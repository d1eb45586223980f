using Surgewatch.Core.Forecasting.Features;

namespace Surgewatch.Forecasting.XGBoost.Gbm;

/// <summary>The reading a <see cref="GbmTarget"/> label is measured from, in the series' own units.</summary>
internal static class GbmBase
{
    /// <summary>Where the profile estimate sits in a row.</summary>
    private static readonly int ProfileColumn = IndexOf("estimate_profile");

    /// <summary>
    /// The base of a row of series <paramref name="series"/> at <paramref name="origin"/>, built in <paramref name="row"/>:
    /// 0 for <see cref="GbmTarget.Level"/>, the last reading for <see cref="GbmTarget.ChangeFromLast"/>, the profile
    /// estimate (else the last reading) for <see cref="GbmTarget.ChangeFromProfile"/>; NaN when none is known.
    /// </summary>
    public static double Of(GbmTarget kind, FeatureBuilder builder, int series, int origin, ReadOnlySpan<float> row, double scale) => kind switch
    {
        GbmTarget.Level => 0,
        GbmTarget.ChangeFromProfile when !float.IsNaN(row[ProfileColumn]) => row[ProfileColumn] * scale,
        _ => builder.LastReading(series, origin),
    };

    /// <summary>Whether rows of <paramref name="kind"/> need the last reading at the origin (every kind but <see cref="GbmTarget.Level"/>): an origin without one has no base.</summary>
    public static bool NeedsLast(GbmTarget kind) => kind != GbmTarget.Level;

    private static int IndexOf(string name)
    {
        for (var i = 0; i < FeatureLayout.Names.Count; i++)
        {
            if (FeatureLayout.Names[i] == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The feature layout has no column '{name}'.");
    }
}
