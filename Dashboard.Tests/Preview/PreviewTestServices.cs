using Dashboard.Preview;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Tests.Preview;

internal static class PreviewTestServices
{
    /// <summary>The real engine, renderer and preview services, with sample data kept in memory; template fields as text areas.</summary>
    public static IServiceCollection AddPreviewForTests(this IServiceCollection services, ISampleDataService sampleData)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPreview();
        services.AddScoped<PreviewSessions>();
        services.AddScoped<TemplateLaunchCheck>();
        services.AddSingleton(sampleData);
        return services;
    }
}
