namespace CrmAlliance.Api.Features.Demo;

public static class DemoModule
{
    /// <summary>The demo data loaded on a first start with <c>--seed-demo</c>.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services.AddScoped<DemoSeeder>();
}
