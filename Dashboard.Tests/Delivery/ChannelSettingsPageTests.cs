using Bunit;
using BrazeLite.Core.Delivery;
using BrazeLite.Core.Delivery.Senders;
using Dashboard.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Delivery;

/// <summary>Settings &gt; Channels with email configured against a real SMTP server on 127.0.0.1, the other channels left to capture.</summary>
public sealed class ChannelSettingsPageTests : DashboardTestContext, IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    public ChannelSettingsPageTests()
    {
        var options = Options.Create(new DeliveryOptions
        {
            Email = new EmailChannelOptions
            {
                Host = "127.0.0.1", Port = _smtp.Port, Security = SmtpSecurity.None, EnvelopeFrom = "ops@shop.example",
                UserName = null, Password = "hunter2",
            },
        });
        var senders = new ChannelSenders([new SmtpEmailSender(options, NullLogger<SmtpEmailSender>.Instance)], new CaptureSender(), options);
        Services.AddSingleton(new ChannelSettings(senders, options, Time, NullLogger<ChannelSettings>.Instance, new TestActor()));
    }

    [Fact]
    public void Page_ShowsEachChannelLiveOrCaptureWithSecretsMasked()
    {
        var cut = Render<ChannelSettingsPage>();

        var email = cut.Find("[role=region][aria-label=Email]");
        Assert.Contains("Live: smtp", email.TextContent);
        Assert.Contains("Host 127.0.0.1", RowsOf(cut, "Email settings"));
        Assert.Contains("Password •••••• (set)", RowsOf(cut, "Email settings"));
        Assert.DoesNotContain("hunter2", cut.Markup);
        Assert.Contains("Capture: Test inbox", cut.Find("[role=region][aria-label='SMS/MMS (Twilio)']").TextContent);
        Assert.Contains("Capture: Test inbox", cut.Find("[role=region][aria-label=Webhook]").TextContent);
    }

    [Fact]
    public async Task SendATest_Email_TheServerGetsItAndThePageShowsItsAnswer()
    {
        var cut = Render<ChannelSettingsPage>();

        Type(cut, "Email address for a test", "ops@example.com");
        cut.Find("[role=region][aria-label=Email] button").Click();

        var received = (await _smtp.WaitForAsync(1)).Single();
        Assert.Equal(ChannelSettings.TestSubject, received.Subject);
        Assert.Equal("ops@example.com", received.To.Mailboxes.Single().Address);
        cut.WaitForAssertion(() => Assert.StartsWith("The provider took it: 250", cut.Find("[role=region][aria-label=Email] [role=status]").TextContent.Trim()));
    }

    [Fact]
    public void SendATest_CapturedChannel_SaysItWasCapturedNotSent()
    {
        var cut = Render<ChannelSettingsPage>();

        Type(cut, "Phone number for a test", "+15555550100");
        cut.Find("[role=region][aria-label='SMS/MMS (Twilio)'] button").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Captured, not sent:", cut.Find("[role=region][aria-label='SMS/MMS (Twilio)'] [role=status]").TextContent.Trim()));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
