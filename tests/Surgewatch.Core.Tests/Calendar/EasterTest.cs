using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Tests.Calendar;

public class EasterTest
{
    [Theory]
    [InlineData(2009, "2009-04-12")]
    [InlineData(2010, "2010-04-04")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2013, "2013-03-31")]
    [InlineData(2014, "2014-04-20")]
    [InlineData(2016, "2016-03-27")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2038, "2038-04-25")] // the latest possible date
    [InlineData(2285, "2285-03-22")] // the earliest possible date
    [InlineData(1818, "1818-03-22")]
    public void Sunday_KnownYear_MatchesPublishedDate(int year, string expected) =>
        Easter.Sunday(year).Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Property]
    public Property Sunday_AnyGregorianYear_IsASundayBetween22MarchAnd25April() =>
        Prop.ForAll(Gen.Choose(Easter.FirstYear, 9999).ToArbitrary(), year =>
        {
            var easter = Easter.Sunday(year);
            return easter.DayOfWeek == DayOfWeek.Sunday
                && easter >= new DateOnly(year, 3, 22)
                && easter <= new DateOnly(year, 4, 25);
        });

    [Theory]
    [InlineData(1582)]
    [InlineData(10000)]
    public void Sunday_YearOutsideGregorianRange_Throws(int year) =>
        FluentActions.Invoking(() => Easter.Sunday(year)).Should().Throw<ArgumentOutOfRangeException>();
}
