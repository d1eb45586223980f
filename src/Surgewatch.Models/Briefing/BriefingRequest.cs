using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Features;

namespace Surgewatch.Models.Briefing;

/// <summary>What to brief.</summary>
/// <param name="Date">The day: tomorrow, or any past day (only readings before it are used).</param>
/// <param name="Now">The present on the site's clock: a day further ahead is forecast from the readings up to it.</param>
/// <param name="Model">A model to fit, by name; null for the deployed model (the latest saved in the store).</param>
/// <param name="Holidays">A holiday region for a fitted gbm, or null.</param>
/// <param name="Events">An events CSV or shipped events name for a fitted gbm, or null.</param>
/// <param name="Edges">The sensor graph for a fitted gbm, or null.</param>
public sealed record BriefingRequest(
    DateOnly Date, TimeLabel Now, string? Model = null, string? Holidays = null, string? Events = null, IReadOnlyList<SensorEdge>? Edges = null);
