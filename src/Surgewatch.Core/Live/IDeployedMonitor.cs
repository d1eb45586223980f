using Surgewatch.Core.Monitoring;

namespace Surgewatch.Core.Live;

/// <summary>
/// Where the <see cref="LiveLoop"/> finds a deployed model's monitor (the counters' surge monitor, the roads'
/// congestion monitor): the deployment replaces it when a new model is deployed and issues it every slot, under
/// <see cref="Sync"/>, which the loop takes too whenever it evaluates the monitor or acts on its alerts.
/// </summary>
public interface IDeployedMonitor
{
    /// <summary>The lock under which the monitor is replaced, issued and evaluated.</summary>
    object Sync { get; }

    /// <summary>The deployed monitor now (null: no model with a rule is deployed). Read under <see cref="Sync"/>.</summary>
    SensorAlertMonitor? Current { get; }
}
