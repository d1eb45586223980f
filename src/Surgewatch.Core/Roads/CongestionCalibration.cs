using Surgewatch.Core.Forecasting.Persistence;

namespace Surgewatch.Core.Roads;

/// <summary>
/// The calibrated probability that a road sensor that is not congested now becomes congested within the rule's window
/// (the next hour), given two things known at the issue time, both as a ratio to the sensor's congested speed:
/// the lowest speed the model forecasts over the window, and the lowest of the same-kind-of-day profile over it
/// (<see cref="Forecasting.DayKindProfile"/>). The probability is the share of such moments that were followed by
/// congestion within the window on the calibration days, out of sample (the model that made those forecasts was
/// fitted before them), per bin of the two ratios, pooled over the sensors.
/// </summary>
/// <remarks>
/// A bin with fewer than <see cref="MinimumSamples"/> moments falls back to the bin of the forecast ratio alone; with
/// too few there as well, the probability is 1 when the forecast itself goes below the congested speed and 0 otherwise.
/// A moment without a profile (no earlier day of its kind) has a profile bin of its own.
/// </remarks>
public sealed class CongestionCalibration
{
    /// <summary>Moments a bin needs before its own share is used.</summary>
    public const int MinimumSamples = 30;

    private const string Tag = "congestion-calibration/1";

    private readonly double[] _forecastEdges;
    private readonly double[] _profileEdges;
    private readonly double[] _probability;
    private readonly double[] _forecastOnly;

    private CongestionCalibration(double[] forecastEdges, double[] profileEdges, double[] probability, double[] forecastOnly) =>
        (_forecastEdges, _profileEdges, _probability, _forecastOnly) = (forecastEdges, profileEdges, probability, forecastOnly);

    /// <summary>The moments seen per bin (forecast bin × profile bin, the last profile bin for no profile), for reports.</summary>
    public int ProfileBins => _profileEdges.Length + 2;

    /// <summary>
    /// The calibration from <paramref name="moments"/>: each the forecast ratio, the profile ratio (NaN: none) and
    /// whether congestion followed within the window.
    /// </summary>
    public static CongestionCalibration Fit(IEnumerable<(double Forecast, double Profile, bool Congested)> moments, IReadOnlyList<double> forecastEdges, IReadOnlyList<double> profileEdges)
    {
        ArgumentNullException.ThrowIfNull(moments);
        ArgumentNullException.ThrowIfNull(forecastEdges);
        ArgumentNullException.ThrowIfNull(profileEdges);
        var fEdges = forecastEdges.ToArray();
        var pEdges = profileEdges.ToArray();
        var profileBins = pEdges.Length + 2;
        var bins = (fEdges.Length + 1) * profileBins;
        var hits = new int[bins];
        var counts = new int[bins];
        foreach (var (forecast, profile, congested) in moments)
        {
            if (double.IsNaN(forecast))
            {
                continue;
            }

            var bin = (Bin(fEdges, forecast) * profileBins) + ProfileBin(pEdges, profile);
            counts[bin]++;
            hits[bin] += congested ? 1 : 0;
        }

        var probability = new double[bins];
        var forecastOnly = new double[fEdges.Length + 1];
        for (var f = 0; f <= fEdges.Length; f++)
        {
            int fHits = 0, fCounts = 0;
            for (var p = 0; p < profileBins; p++)
            {
                fHits += hits[(f * profileBins) + p];
                fCounts += counts[(f * profileBins) + p];
            }

            forecastOnly[f] = fCounts >= MinimumSamples ? (double)fHits / fCounts : double.NaN;
            for (var p = 0; p < profileBins; p++)
            {
                var bin = (f * profileBins) + p;
                probability[bin] = counts[bin] >= MinimumSamples ? (double)hits[bin] / counts[bin] : double.NaN;
            }
        }

        return new CongestionCalibration(fEdges, pEdges, probability, forecastOnly);
    }

    /// <summary>
    /// The probability of congestion within the window at a moment whose lowest forecast is <paramref name="forecast"/>
    /// and lowest profile <paramref name="profile"/> (ratios to the congested speed; profile NaN when there is none);
    /// NaN without a forecast.
    /// </summary>
    public double Probability(double forecast, double profile)
    {
        if (double.IsNaN(forecast))
        {
            return double.NaN;
        }

        var f = Bin(_forecastEdges, forecast);
        var own = _probability[(f * ProfileBins) + ProfileBin(_profileEdges, profile)];
        return !double.IsNaN(own) ? own : !double.IsNaN(_forecastOnly[f]) ? _forecastOnly[f] : forecast < 1 ? 1 : 0;
    }

    /// <summary>The calibration as bytes, to deploy with a model (the bins and their probabilities, NaN where too few).</summary>
    public byte[] ToBytes() => StateFormat.Write(writer =>
    {
        writer.Write(Tag);
        StateFormat.WriteDoubles(writer, _forecastEdges);
        StateFormat.WriteDoubles(writer, _profileEdges);
        StateFormat.WriteDoubles(writer, _probability);
        StateFormat.WriteDoubles(writer, _forecastOnly);
    });

    /// <summary>A calibration written by <see cref="ToBytes"/>; <see cref="ModelStateException"/> when the bytes are not one.</summary>
    public static CongestionCalibration FromBytes(ReadOnlySpan<byte> state) => StateFormat.Read(state, reader =>
    {
        StateFormat.Expect(reader, Tag);
        var forecastEdges = StateFormat.ReadDoubles(reader);
        var profileEdges = StateFormat.ReadDoubles(reader);
        var probability = StateFormat.ReadDoubles(reader);
        var forecastOnly = StateFormat.ReadDoubles(reader);
        if (forecastOnly.Length != forecastEdges.Length + 1 || probability.Length != forecastOnly.Length * (profileEdges.Length + 2))
        {
            throw new ModelStateException("The saved congestion calibration's shape is inconsistent; train again.");
        }

        return new CongestionCalibration(forecastEdges, profileEdges, probability, forecastOnly);
    });

    private static int ProfileBin(double[] edges, double profile) => double.IsNaN(profile) ? edges.Length + 1 : Bin(edges, profile);

    private static int Bin(double[] edges, double value)
    {
        var bin = 0;
        while (bin < edges.Length && value >= edges[bin])
        {
            bin++;
        }

        return bin;
    }
}
