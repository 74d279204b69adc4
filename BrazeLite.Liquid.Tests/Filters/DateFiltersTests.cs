using BrazeLite.Liquid;
using BrazeLite.Liquid.Filters;
using static BrazeLite.Liquid.Tests.Filters.F;

namespace BrazeLite.Liquid.Tests.Filters;

public class DateFiltersTests
{
    private static readonly DateTimeOffset Sample = new(2020, 6, 5, 14, 30, 7, TimeSpan.Zero);

    [Theory]
    [InlineData("%a %A %b %B %h", "Fri Friday Jun June Jun")]
    [InlineData("%d %e %j %m %y %Y %C", "05  5 157 06 20 2020 20")]
    [InlineData("%H %I %k %l %M %S %p %P", "14 02 14  2 30 07 PM pm")]
    [InlineData("%u %w %U %W %V %G %g", "5 5 22 22 23 2020 20")]
    [InlineData("%F %T %D %R %r", "2020-06-05 14:30:07 06/05/20 14:30 02:30:07 PM")]
    [InlineData("%c", "Fri Jun  5 14:30:07 2020")]
    [InlineData("%x %X", "06/05/20 14:30:07")]
    [InlineData("%z %:z %::z %Z", "+0000 +00:00 +00:00:00 UTC")]
    [InlineData("%s", "1591367407")]
    [InlineData("%-d %-m %-H %-I %-j", "5 6 14 2 157")]
    [InlineData("%_m %_H %0e %010Y", " 6 14 05 0000002020")]
    [InlineData("%^a %^B %#B %#p %^p", "FRI JUNE JUNE pm PM")]
    [InlineData("%10A|%-10A|%5H", "    Friday|Friday|00014")]
    [InlineData("%L %N %3N", "000 000000000 000")]
    [InlineData("%% %n%t", "% \n\t")]
    [InlineData("%Q %E %:d", "%Q %E %:d")]
    [InlineData("100%", "100%")]
    public void Strftime_Directives_MatchRuby(string format, string expected) =>
        Assert.Equal(expected, RubyTime.Strftime(Sample, format));

    [Fact]
    public void Strftime_OffsetTime_PrintsOffset() =>
        Assert.Equal("-0400 -04:00 ", RubyTime.Strftime(new DateTimeOffset(2020, 6, 15, 14, 30, 0, TimeSpan.FromHours(-4)), "%z %:z %Z"));

    [Fact]
    public void Strftime_MidnightAndNoon_TwelveHourClock()
    {
        Assert.Equal("12 AM", RubyTime.Strftime(new DateTimeOffset(2020, 1, 1, 0, 5, 0, TimeSpan.Zero), "%I %p"));
        Assert.Equal("12 PM", RubyTime.Strftime(new DateTimeOffset(2020, 1, 1, 12, 5, 0, TimeSpan.Zero), "%I %p"));
    }

    [Theory]
    [InlineData("2020-06-15", "2020-06-15 00:00:00 +0000")]
    [InlineData("2020-06-15 14:30:00", "2020-06-15 14:30:00 +0000")]
    [InlineData("2020-06-15T14:30:00Z", "2020-06-15 14:30:00 +0000")]
    [InlineData("2020-06-15T14:30:00.123+02:00", "2020-06-15 14:30:00 +0200")]
    [InlineData("2006-07-05 10:00:00 -04:00", "2006-07-05 10:00:00 -0400")]
    [InlineData("2020-06-15 14:30:00 -0400", "2020-06-15 14:30:00 -0400")]
    [InlineData("2020-06-15 12:00:00 UTC", "2020-06-15 12:00:00 +0000")]
    [InlineData("Fri Jul 16 01:00:00 2004", "2004-07-16 01:00:00 +0000")]
    [InlineData("July 5, 2006", "2006-07-05 00:00:00 +0000")]
    [InlineData("5 Jul 2006 10:00 PM EST", "2006-07-05 22:00:00 -0500")]
    [InlineData("2006/07/05", "2006-07-05 00:00:00 +0000")]
    [InlineData("Tue, 15 Nov 1994 08:12:31 GMT", "1994-11-15 08:12:31 +0000")]
    public void ToDate_Strings_ParseLikeTimeParse(string input, string expected)
    {
        var date = RubyTime.ToDate(input, new DateTimeOffset(2024, 1, 1, 0, 1, 58, TimeSpan.Zero));
        Assert.NotNull(date);
        Assert.Equal(expected, LiquidValues.FormatTime(date.Value));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("2020-13-45")]
    public void ToDate_NotADate_IsNull(string input) =>
        Assert.Null(RubyTime.ToDate(input, DateTimeOffset.UnixEpoch));

    [Fact]
    public void Date_Timestamps_AreUnixSecondsUtc()
    {
        Assert.Equal("2006-07-05", Out("date", 1152098955L, "%Y-%m-%d"));
        Assert.Equal("2006-07-05", Out("date", "1152098955", "%Y-%m-%d"));
        Assert.Equal("1969-12-31", Out("date", -86400L, "%Y-%m-%d"));
    }

    [Fact]
    public void Date_NowAndToday_UseContextClock()
    {
        Assert.Equal("2024-01-01 00:01:58", Out("date", "now", "%Y-%m-%d %H:%M:%S"));
        Assert.Equal("2024-01-01", Out("date", "Today", "%Y-%m-%d"));
    }

    [Fact]
    public void Date_UnusableInputOrFormat_ReturnsInput()
    {
        Assert.Equal("hello", Out("date", "hello", "%Y"));
        Assert.Equal("2020-06-15 14:30:45", Out("date", "2020-06-15 14:30:45", ""));
        Assert.Equal("2020-06-15 14:30:45", Out("date", "2020-06-15 14:30:45", new object?[] { null }));
        Assert.Equal("", Out("date", null, "%Y"));
        Assert.Equal("1.5", Out("date", 1.5, "%Y"));
    }

    [Fact]
    public void Date_HugeWidths_AreBounded()
    {
        var format = string.Concat(Enumerable.Repeat("%999Y", 20_000));
        Assert.Throws<LiquidFilterException>(() => Apply("date", "now", format));
    }
}
