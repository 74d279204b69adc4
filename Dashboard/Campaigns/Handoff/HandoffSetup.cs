namespace Dashboard.Campaigns.Handoff;

public static class HandoffSetup
{
    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
