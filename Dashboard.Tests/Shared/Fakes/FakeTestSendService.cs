using BrazeLite.Core.Delivery;

namespace Dashboard.Tests.Shared.Fakes;

/// <summary>Keeps each test send the editor asks for and answers with <see cref="Answer"/> (the real service has its own tests).</summary>
internal sealed class FakeTestSendService : ITestSendService
{
    public List<TestSendRequest> Requests { get; } = [];

    public Func<TestSendRequest, TestSendOutcome> Answer { get; set; } = r =>
        new TestSendOutcome(null, [new TestSendResult(r.Recipients, DeliveryState.Captured, "Captured in the Test inbox (the channel is not configured)", null, 1)]);

    public Task<TestSendOutcome> SendAsync(TestSendRequest request, CancellationToken ct = default)
    {
        Requests.Add(request);
        return Task.FromResult(Answer(request));
    }
}
