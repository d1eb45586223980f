namespace Surgewatch.Core.Calendar;

/// <summary>
/// One holiday of a region on one date. When two holidays share a date (ANZAC Day on Easter Monday) they are
/// one <see cref="Holiday"/> whose name joins both with " / ".
/// </summary>
/// <param name="Date">The calendar date.</param>
/// <param name="Name">The holiday's name, as the region's rule file gives it.</param>
/// <param name="IsSubstitute">
/// True for a day that stands in for a holiday falling on a weekend (an additional day, or the day a holiday
/// moved to). What a substitute means legally differs by region; the rule file's notes say.
/// </param>
public readonly record struct Holiday(DateOnly Date, string Name, bool IsSubstitute);
