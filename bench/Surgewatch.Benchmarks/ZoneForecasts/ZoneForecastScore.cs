using Surgewatch.Core.Series;

namespace Surgewatch.Benchmarks.ZoneForecasts;

/// <summary>Masked scores of one forecaster at one lead: WAPE of the means, 80 % / 95 % coverage and mean band widths.</summary>
internal sealed class ZoneForecastScore
{
    private double _absError;
    private double _absTruth;
    private int _n;
    private int _in80;
    private int _in95;
    private int _banded;
    private double _width80;
    private double _width95;

    /// <summary>Adds one forecast step against the truth; a missing truth or mean is skipped, never scored as 0.</summary>
    public void Add(double truth, double mean, double lo80, double hi80, double lo95, double hi95)
    {
        if (Missing.Is(truth) || Missing.Is(mean))
        {
            return;
        }

        _absError += Math.Abs(mean - truth);
        _absTruth += Math.Abs(truth);
        _n++;
        if (Missing.Is(lo80) || Missing.Is(hi80) || Missing.Is(lo95) || Missing.Is(hi95))
        {
            return;
        }

        _banded++;
        _in80 += truth >= lo80 && truth <= hi80 ? 1 : 0;
        _in95 += truth >= lo95 && truth <= hi95 ? 1 : 0;
        _width80 += hi80 - lo80;
        _width95 += hi95 - lo95;
    }

    public int Count => _n;

    public double Wape => _absTruth > 0 ? _absError / _absTruth : Missing.Value;

    public double Coverage80 => _banded > 0 ? (double)_in80 / _banded : Missing.Value;

    public double Coverage95 => _banded > 0 ? (double)_in95 / _banded : Missing.Value;

    public double Width80 => _banded > 0 ? _width80 / _banded : Missing.Value;

    public double Width95 => _banded > 0 ? _width95 / _banded : Missing.Value;
}
