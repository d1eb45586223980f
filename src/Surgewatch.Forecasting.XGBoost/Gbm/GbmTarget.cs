namespace Surgewatch.Forecasting.XGBoost.Gbm;

/// <summary>What <see cref="GbmModel"/>'s boosters learn for a target slot.</summary>
public enum GbmTarget
{
    /// <summary>The reading ÷ the series' scale.</summary>
    Level,

    /// <summary>(The reading − the last reading at the origin) ÷ the series' scale; the forecast adds the last reading back.</summary>
    ChangeFromLast,

    /// <summary>
    /// (The reading − the profile estimate) ÷ the series' scale, where the profile estimate is the target slot's
    /// usual level (median of eight weeks) times how the last reading stands against its own usual level (the
    /// estimate_profile column), or the last reading where no profile is known; the forecast adds it back.
    /// </summary>
    ChangeFromProfile,
}
