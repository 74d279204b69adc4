namespace Dashboard.Preview;

/// <summary>Registers the preview's dashboard services; <see cref="DashboardSetup"/> calls this.</summary>
public static class PreviewSetup
{
    public static IServiceCollection AddPreview(this IServiceCollection services)
    {
        services.AddScoped<PreviewSessions>();
        services.AddScoped<TemplateLaunchCheck>();
        services.AddScoped<TemplateEditorMode>();
        services.AddSingleton(new TemplateEditorOptions { UseCodeEditor = true });
        return services;
    }
}
