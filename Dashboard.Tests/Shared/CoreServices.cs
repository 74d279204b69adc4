using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Shared;

/// <summary>The core's services as the app wires them, for service tests on a real database.</summary>
internal static class CoreServices
{
    public static TemplateRenderer Templates(TimeProvider? time = null) => new(time ?? TimeProvider.System, NullLogger<TemplateRenderer>.Instance);

    public static TemplateRules Rules() => new(Templates());

    public static CampaignService Campaigns(IDbContextFactory<BrazeLiteDbContext> db, TimeProvider time) =>
        new(db, Rules(), time, NullLogger<CampaignService>.Instance);

    public static SampleDataService Samples(IDbContextFactory<BrazeLiteDbContext> db, TimeProvider time) =>
        new(db, Rules(), time, NullLogger<SampleDataService>.Instance);
}
