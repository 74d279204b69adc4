using Dashboard.Campaigns;
using Dashboard.Preview;

namespace Dashboard.Tests.Preview;

public class PushPayloadSizeTests
{
    [Theory]
    [InlineData(Channel.ApplePush, 1912)]
    [InlineData(Channel.AndroidPush, 4000)]
    [InlineData(Channel.KindlePush, 4000)]
    [InlineData(Channel.WebPush, 4000)]
    public void LimitFor_PushChannel_IsThePlatformLimit(Channel channel, int limit) =>
        Assert.Equal(limit, PushPayloadSize.LimitFor(channel));

    [Fact]
    public void LimitFor_NonPushChannel_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => PushPayloadSize.LimitFor(Channel.Email));
        Assert.Contains("Email is not a push channel", error.Message);
    }

    [Fact]
    public void Measure_CountsUtf8BytesOfTitleAndBody()
    {
        // "é" is two bytes, "🎉" four.
        var size = PushPayloadSize.Measure(Channel.ApplePush, "Café", "Party 🎉");

        Assert.Equal(5 + 10, size.Bytes);
        Assert.False(size.Exceeds);
        Assert.Equal(1912 - 15, size.Remaining);
    }

    [Fact]
    public void Measure_NullTitle_CountsBodyOnly()
    {
        Assert.Equal(3, PushPayloadSize.Measure(Channel.AndroidPush, null, "abc").Bytes);
    }

    [Fact]
    public void Measure_OverAppleLimitButUnderAndroid_ExceedsOnlyOnApple()
    {
        var body = new string('x', 2000);

        Assert.True(PushPayloadSize.Measure(Channel.ApplePush, "", body).Exceeds);
        Assert.False(PushPayloadSize.Measure(Channel.AndroidPush, "", body).Exceeds);
    }

    [Fact]
    public void Measure_ExactlyAtLimit_DoesNotExceed()
    {
        var size = PushPayloadSize.Measure(Channel.ApplePush, "ab", new string('x', 1910));

        Assert.False(size.Exceeds);
        Assert.Equal(0, size.Remaining);
        Assert.Equal("1,912 of 1,912 bytes", size.ToString());
    }
}
