namespace Surgewatch.Core.Alerting;

/// <summary>Which value a rule compares with its threshold.</summary>
public enum AlertSource
{
    /// <summary>The latest observed value.</summary>
    Observed = 0,

    /// <summary>The highest upper bound of the 90% forecast interval within the rule's horizon: fires before the level is reached.</summary>
    ForecastUpper = 1,
}
