namespace Dashboard.Preview;

/// <summary>Registers the preview feature's services; <see cref="DashboardSetup"/> calls this.</summary>
public static class PreviewSetup
{
    public static IServiceCollection AddPreview(this IServiceCollection services)
    {
        services.AddSingleton<IPreviewEngine, LiquidPreviewEngine>();
        services.AddSingleton<PreviewRenderer>();
        return services;
    }
}
