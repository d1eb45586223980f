namespace Surgewatch.Core.Calendar;

/// <summary>
/// Western (Gregorian) Easter, the anchor of the movable holidays (Good Friday, Easter Monday…).
/// </summary>
public static class Easter
{
    /// <summary>The first Gregorian year the computation is defined for.</summary>
    public const int FirstYear = 1583;

    /// <summary>
    /// Easter Sunday of <paramref name="year"/> by the anonymous Gregorian algorithm (Meeus/Jones/Butcher),
    /// valid for every Gregorian year from <see cref="FirstYear"/> to 9999.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1583–9999.</exception>
    public static DateOnly Sunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var monthAndDay = h + l - (7 * m) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }
}
