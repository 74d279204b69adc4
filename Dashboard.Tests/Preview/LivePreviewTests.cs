using Dashboard.Preview;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Preview;

public sealed class LivePreviewTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly MessageRenderer _renderer = new(new TemplateRenderer(TimeProvider.System, NullLogger<TemplateRenderer>.Instance));

    private static ChannelMessage Sms(string body) => CampaignForms.ToMessage(new MessageContentForm { Channel = Channel.Sms, MessageVariationId = Ids.NewId(), [SmsFields.Body] = body });

    private static Func<Task> Signal(TaskCompletionSource done, int after = 1)
    {
        var renders = 0;
        return () =>
        {
            if (++renders == after)
            {
                done.TrySetResult();
            }
            return Task.CompletedTask;
        };
    }

    [Fact]
    public async Task Request_ThreeInARow_RendersOnlyTheLastAfterThePause()
    {
        using var live = new LivePreview(_renderer, _time);
        var done = new TaskCompletionSource();
        live.Updated = Signal(done);

        live.Request(Sms("one"), RenderData.None);
        live.Request(Sms("two"), RenderData.None);
        live.Request(Sms("three"), RenderData.None);
        _time.Advance(LivePreview.Delay - TimeSpan.FromMilliseconds(1));
        Assert.True(live.Pending);
        Assert.Equal(0, live.Completed);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, live.Completed);
        Assert.Equal("three", live.Latest!["sms_body"]!.Result.Output);
        Assert.False(live.Pending);
    }

    [Fact]
    public async Task Request_FormChangedAfterRequest_RendersTheTextAtRequestTime()
    {
        using var live = new LivePreview(_renderer, _time);
        var done = new TaskCompletionSource();
        live.Updated = Signal(done);
        var form = new MessageContentForm { Channel = Channel.Sms, MessageVariationId = Ids.NewId(), [SmsFields.Body] = "before" };

        live.Request(CampaignForms.ToMessage(form), RenderData.None);
        form[SmsFields.Body] = "after";
        _time.Advance(LivePreview.Delay);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("before", live.Latest!["sms_body"]!.Result.Output);
    }

    [Fact]
    public async Task Request_BrokenAfterGood_KeepsLastGoodAndIsStale()
    {
        using var live = new LivePreview(_renderer, _time);
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        var renders = 0;
        live.Updated = () =>
        {
            (++renders == 1 ? first : second).TrySetResult();
            return Task.CompletedTask;
        };

        live.Request(Sms("{{ 'a' | upcase }}"), RenderData.None, TimeSpan.Zero);
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
        live.Request(Sms("{{ 'a' | upcas }}"), RenderData.None, TimeSpan.Zero);
        await second.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(live.Stale);
        Assert.Equal("A", live.LastGood!["sms_body"]!.Result.Output);
        Assert.Equal(RenderStatus.Error, live.Latest!.Status);
    }
}
