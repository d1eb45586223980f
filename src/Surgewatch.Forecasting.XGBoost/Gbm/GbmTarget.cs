namespace Surgewatch.Forecasting.XGBoost.Gbm;

/// <summary>What <see cref="GbmModel"/>'s boosters learn for a target slot.</summary>
public enum GbmTarget
{
    /// <summary>The reading ÷ the series' scale.</summary>
    Level,

    /// <summary>(The reading − the last reading at the origin) ÷ the series' scale; the forecast adds the last reading back.</summary>
    ChangeFromLast,
}
