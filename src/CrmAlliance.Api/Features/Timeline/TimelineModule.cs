namespace CrmAlliance.Api.Features.Timeline;

public static class TimelineModule
{
    /// <summary>A company's one timeline of contacts, vacancies, placements, pledges and outcomes.</summary>
    public static IServiceCollection AddTimeline(this IServiceCollection services)
    {
        services.AddScoped<CompanyTimelineQuery>();
        return services;
    }
}
