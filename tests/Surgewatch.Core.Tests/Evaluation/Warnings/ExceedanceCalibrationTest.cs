using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Tests.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Evaluation.Warnings;

public class ExceedanceCalibrationTest
{
    [Fact]
    public void Probability_ForecastOf100_IsTheShareOfRatiosReachingThresholdOverForecast()
    {
        // 100 calibration slots forecast at 100 with readings 51..150: ratios 0.51..1.50.
        var (panel, table) = Calibration(t => 100, t => 51 + t, length: 100);

        var calibration = ExceedanceCalibration.Fit(panel, table, [120], null, poolSensors: false);

        calibration.Probability(0, 1, 100, 120).Should().BeApproximately(0.31, 1e-12); // readings reaching 120: 120..150
        calibration.Probability(0, 1, 80, 120).Should().Be(0.01); // needs a ratio of 1.5: only 150 has it
        calibration.Probability(0, 1, 79, 120).Should().Be(0);
        calibration.Probability(0, 1, 240, 120).Should().Be(1);
        calibration.Probability(0, 0, 100, 120).Should().Be(0, "no day-ahead forecasts were made, so only a point above the threshold warns");
        calibration.Probability(0, 1, double.NaN, 120).Should().Be(double.NaN);
    }

    [Fact]
    public void Probability_WithLevelBins_UsesTheRatiosOfForecastsAtThatLevel()
    {
        // Low forecasts (10, a tenth of the threshold) are always right; high ones (80) err by up to ±50%.
        var (panel, table) = Calibration(t => t % 2 == 0 ? 10 : 80, t => t % 2 == 0 ? 10 : 40 + (t % 100 * 0.8), length: 200);

        var pooled = ExceedanceCalibration.Fit(panel, table, [100], null, poolSensors: false);
        var binned = ExceedanceCalibration.Fit(panel, table, [100], [0.5], poolSensors: false);

        binned.Probability(0, 1, 80, 100).Should().BeGreaterThan(pooled.Probability(0, 1, 80, 100));
        binned.Probability(0, 1, 10, 100).Should().Be(0);
    }

    [Fact]
    public void Fit_TooFewRatiosInABin_FallsBackToAllSensorsAtThatLevel()
    {
        // Sensor 0 has only 10 high forecasts, sensor 1 has 90 whose readings are twice the forecast.
        var values0 = new double[100];
        var values1 = new double[100];
        var table = new ForecastTable(2, 2, 0, 100);
        for (var t = 0; t < 100; t++)
        {
            table[1, 0, t] = t < 10 ? 90 : 10;
            values0[t] = t < 10 ? 90 : 10;
            table[1, 1, t] = t < 90 ? 90 : 10;
            values1[t] = t < 90 ? 180 : 10;
        }

        var calibration = ExceedanceCalibration.Fit(ForecastTestPanels.Hourly(values0, values1), table, [100, 100], [0.5], poolSensors: false);

        calibration.Probability(0, 1, 90, 100).Should().BeApproximately(0.9, 1e-12, "sensor 0's 10 high ratios are too few; 90 of the pooled 100 are 2");
        calibration.Probability(1, 1, 90, 100).Should().Be(1);
    }

    [Fact]
    public void Fit_PoolSensors_GivesEverySensorTheSharedDistribution()
    {
        // Sensor 0's readings equal its forecasts; sensor 1's are twice its forecasts.
        var table = new ForecastTable(2, 2, 0, 100);
        var values0 = new double[100];
        var values1 = new double[100];
        for (var t = 0; t < 100; t++)
        {
            table[1, 0, t] = table[1, 1, t] = values0[t] = 50;
            values1[t] = 100;
        }

        var panel = ForecastTestPanels.Hourly(values0, values1);
        var own = ExceedanceCalibration.Fit(panel, table, [80, 80], null, poolSensors: false);
        var pooled = ExceedanceCalibration.Fit(panel, table, [80, 80], null, poolSensors: true);

        own.Probability(0, 1, 50, 80).Should().Be(0);
        own.Probability(1, 1, 50, 80).Should().Be(1);
        pooled.Probability(0, 1, 50, 80).Should().Be(0.5);
        pooled.Probability(1, 1, 50, 80).Should().Be(0.5);
    }

    [Fact]
    public void Fit_SensorLevel_ScalesEachSensorsForecastsByItsMedianRatio()
    {
        // Pooled sensors: sensor 0's readings equal its forecasts; sensor 1's are twice (and, at 1 slot in 4, three times) its forecasts.
        var table = new ForecastTable(2, 2, 0, 100);
        var values0 = new double[100];
        var values1 = new double[100];
        for (var t = 0; t < 100; t++)
        {
            table[1, 0, t] = table[1, 1, t] = values0[t] = 50;
            values1[t] = t % 4 == 0 ? 150 : 100;
        }

        var panel = ForecastTestPanels.Hourly(values0, values1);
        var plain = ExceedanceCalibration.Fit(panel, table, [80, 80], null, poolSensors: true);
        var levelled = ExceedanceCalibration.Fit(panel, table, [80, 80], null, poolSensors: true, sensorLevel: true);

        levelled.Level(0, 1).Should().Be(1);
        levelled.Level(1, 1).Should().Be(2);
        plain.Level(1, 1).Should().Be(1);
        plain.Probability(0, 1, 50, 80).Should().Be(0.5, "the pooled ratios are half 1 and half 2 or 3");
        levelled.Probability(0, 1, 50, 80).Should().Be(0, "every corrected ratio is at most 1.5 and sensor 0 needs 1.6");
        levelled.Probability(1, 1, 50, 80).Should().Be(1, "sensor 1's forecast of 50 is corrected to 100");
        levelled.Probability(1, 1, 50, 140).Should().BeApproximately(25.0 / 200, 1e-12, "only the corrected ratios of 1.5 reach 140 ÷ 100");
    }

    [Fact]
    public void Fit_SensorLevelWithTooFewRatios_LeavesTheForecastsAlone()
    {
        var (panel, table) = Calibration(t => 50, t => 100, length: ExceedanceCalibration.MinimumSamples - 1);

        var levelled = ExceedanceCalibration.Fit(panel, table, [80], null, poolSensors: false, sensorLevel: true);

        levelled.Level(0, 1).Should().Be(1);
        levelled.Level(0, 0).Should().Be(1, "no day-ahead forecasts were made");
    }

    [Fact]
    public void Fit_SensorScale_GivesASteadySensorItsOwnNarrowSpreadAndANoisyOneItsWideSpread()
    {
        // Pooled sensors forecast at 90 with threshold 100: sensor 0's readings are 2 % off, sensor 1's 30 % off.
        var (panel, table) = TwoSensors(90, t => t % 2 == 0 ? 88.2 : 91.8, t => t % 2 == 0 ? 63 : 117);

        var plain = ExceedanceCalibration.Fit(panel, table, [100, 100], null, poolSensors: true, sensorScale: false);
        var scaled = ExceedanceCalibration.Fit(panel, table, [100, 100], null, poolSensors: true, sensorScale: true);

        plain.Scale(0, 1).Should().Be(1);
        scaled.Scale(0, 1).Should().BeApproximately(0.02, 1e-4);
        scaled.Scale(1, 1).Should().BeApproximately((Math.Log(1.3) - Math.Log(0.7)) / 2, 1e-12);
        plain.Probability(0, 1, 95, 100).Should().Be(0.25, "only sensor 1's ratios of 1.3 reach 100 ÷ 95");
        plain.Probability(1, 1, 95, 100).Should().Be(0.25);
        scaled.Probability(0, 1, 95, 100).Should().Be(0, "a 5 % rise is more than two of sensor 0's spreads, and no scaled error is that large");
        scaled.Probability(1, 1, 95, 100).Should().Be(0.5, "for sensor 1 it is half a spread: the upper half of both sensors' scaled errors");
    }

    [Fact]
    public void Fit_SensorScaleWithoutSlotsNearItsThreshold_TakesTheMedianSpreadOfTheOthers()
    {
        var (panel, table) = TwoSensors(90, t => t % 2 == 0 ? 88.2 : 91.8, t => t % 2 == 0 ? 63 : 117);

        var scaled = ExceedanceCalibration.Fit(panel, table, [100, 1000], null, poolSensors: true, sensorScale: true);

        scaled.Scale(1, 1).Should().BeApproximately(0.02, 1e-4, "sensor 1 is never forecast at half of 1,000, so it takes sensor 0's spread");
        scaled.Scale(0, 0).Should().Be(1, "no day-ahead forecasts were made by any sensor");
    }

    [Fact]
    public void Probability_TwoHourGroups_UsesTheRatiosOfTheSlotsHalfOfTheDay()
    {
        // Four days; readings equal the forecasts before noon and double them after.
        var (panel, table) = Calibration(t => 60, t => t % 24 < 12 ? 60 : 120, length: 96);

        var byHalf = ExceedanceCalibration.Fit(panel, table, [100], null, poolSensors: false, hourGroups: 2);
        var whole = ExceedanceCalibration.Fit(panel, table, [100], null, poolSensors: false);

        byHalf.Probability(0, 1, 60, 100, hour: 5).Should().Be(0);
        byHalf.Probability(0, 1, 60, 100, hour: 15).Should().Be(1);
        whole.Probability(0, 1, 60, 100, hour: 5).Should().Be(0.5);
    }

    private static (SeriesPanel Panel, ForecastTable Table) Calibration(Func<int, double> forecast, Func<int, double> reading, int length)
    {
        var values = new double[length];
        var table = new ForecastTable(2, 1, 0, length);
        for (var t = 0; t < length; t++)
        {
            table[1, 0, t] = forecast(t);
            values[t] = reading(t);
        }

        return (ForecastTestPanels.Hourly(values), table);
    }

    private static (SeriesPanel Panel, ForecastTable Table) TwoSensors(double forecast, Func<int, double> reading0, Func<int, double> reading1)
    {
        var table = new ForecastTable(2, 2, 0, 100);
        var values0 = new double[100];
        var values1 = new double[100];
        for (var t = 0; t < 100; t++)
        {
            table[1, 0, t] = table[1, 1, t] = forecast;
            values0[t] = reading0(t);
            values1[t] = reading1(t);
        }

        return (ForecastTestPanels.Hourly(values0, values1), table);
    }
}
