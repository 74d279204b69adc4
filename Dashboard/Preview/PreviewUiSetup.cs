namespace Dashboard.Preview;

/// <summary>Registers the preview's dashboard services: sample data, the per-editor preview sessions, the launch check.</summary>
public static class PreviewUiSetup
{
    public static IServiceCollection AddPreviewUi(this IServiceCollection services)
    {
        services.AddScoped<ISampleDataService, SampleDataService>();
        services.AddScoped<PreviewSessions>();
        services.AddScoped<TemplateLaunchCheck>();
        services.AddScoped<TemplateEditorMode>();
        services.AddSingleton(new TemplateEditorOptions { UseCodeEditor = true });
        return services;
    }
}
