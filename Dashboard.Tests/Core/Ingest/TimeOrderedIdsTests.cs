using BrazeLite.Core.Ingest;

namespace Dashboard.Tests.Core.Ingest;

public sealed class TimeOrderedIdsTests
{
    [Fact]
    public void New_IsAVersion7UuidCarryingItsMillisecond()
    {
        var at = new DateTimeOffset(2026, 12, 3, 11, 30, 15, 123, TimeSpan.Zero);

        var id = TimeOrderedIds.New(at);

        Assert.Equal(7, id.Version);
        Assert.InRange(id.Variant, 0x8, 0xB); // RFC 9562 variant: the top bits of octet 8 are 10
        var hex = id.ToString("N");
        Assert.Equal(at.ToUnixTimeMilliseconds(), Convert.ToInt64(hex[..12], 16));
    }

    [Fact]
    public void New_SortsByTimeAsText_AndDoesNotRepeatWithinAMillisecond()
    {
        var start = new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 2000).Select(i => TimeOrderedIds.New(start.AddMilliseconds(i / 100)).ToString("N")).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        var byMillisecond = ids.Chunk(100).ToList();
        for (var i = 1; i < byMillisecond.Count; i++)
        {
            Assert.True(string.CompareOrdinal(byMillisecond[i - 1].Max(), byMillisecond[i].Min()) < 0, $"millisecond {i} sorts before {i - 1}");
        }
    }
}
