using Dashboard.Campaigns;
using Dashboard.Preview;

namespace Dashboard.Tests.Preview;

public sealed class LivePreviewTests
{
    private readonly PreviewRenderer _renderer = new(new LiquidPreviewEngine(TimeProvider.System));

    private static MessageContentForm Sms(string body) => new() { Channel = Channel.Sms, SmsBody = body };

    [Fact]
    public async Task Request_ThreeInARow_RendersOnlyTheLast()
    {
        using var live = new LivePreview(_renderer, TimeSpan.FromMilliseconds(200));
        var done = new TaskCompletionSource();
        live.Updated = () =>
        {
            done.TrySetResult();
            return Task.CompletedTask;
        };

        live.Request(Sms("one"), PreviewData.None);
        live.Request(Sms("two"), PreviewData.None);
        live.Request(Sms("three"), PreviewData.None);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, live.Completed);
        Assert.Equal("three", live.Latest!["sms_body"]!.Result.Output);
        Assert.False(live.Pending);
    }

    [Fact]
    public async Task Request_MessageChangedAfterRequest_RendersTheTextAtRequestTime()
    {
        using var live = new LivePreview(_renderer, TimeSpan.FromMilliseconds(50));
        var done = new TaskCompletionSource();
        live.Updated = () =>
        {
            done.TrySetResult();
            return Task.CompletedTask;
        };
        var message = Sms("before");

        live.Request(message, PreviewData.None);
        message.SmsBody = "after";
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("before", live.Latest!["sms_body"]!.Result.Output);
    }

    [Fact]
    public async Task Request_BrokenAfterGood_KeepsLastGoodAndIsStale()
    {
        using var live = new LivePreview(_renderer, TimeSpan.Zero);
        var renders = 0;
        var second = new TaskCompletionSource();
        live.Updated = () =>
        {
            if (++renders == 2)
            {
                second.TrySetResult();
            }
            return Task.CompletedTask;
        };

        live.Request(Sms("{{ 'a' | upcase }}"), PreviewData.None);
        while (live.Completed == 0)
        {
            await Task.Yield();
        }
        live.Request(Sms("{{ 'a' | upcas }}"), PreviewData.None);
        await second.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(live.Stale);
        Assert.Equal("A", live.LastGood!["sms_body"]!.Result.Output);
        Assert.Equal(PreviewStatus.Error, live.Latest!.Status);
    }
}
