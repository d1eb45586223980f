namespace Surgewatch.Core.Monitoring;

/// <summary>An operator acted on an alert key the monitor does not hold.</summary>
public sealed class UnknownAlertException : KeyNotFoundException
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    public UnknownAlertException(string key)
        : base($"No alert '{key}' is being monitored; list the alerts for valid keys (ruleId/zoneId).") => Key = key;

    /// <summary>The key that was not found.</summary>
    public string Key { get; }
}
