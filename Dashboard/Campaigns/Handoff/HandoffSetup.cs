namespace Dashboard.Campaigns.Handoff;

public static class HandoffSetup
{
    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        services.AddOptions<HandoffOptions>()
            .Configure<IConfiguration>((o, configuration) => o.PublicUrl = configuration[HandoffOptions.PublicUrlKey])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
