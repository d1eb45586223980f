using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Testing.SyntheticCity;

/// <summary>A scheduled crowd event in the synthetic city.</summary>
/// <param name="Name">What it is called.</param>
/// <param name="Start">When the crowd starts to build.</param>
/// <param name="End">When it has dispersed.</param>
/// <param name="Sensors">The counters that see it.</param>
/// <param name="PeakMultiplier">How many times the usual level the counters see at the event's peak.</param>
public sealed record SyntheticEvent(string Name, TimeLabel Start, TimeLabel End, IReadOnlyList<SensorId> Sensors, double PeakMultiplier);
