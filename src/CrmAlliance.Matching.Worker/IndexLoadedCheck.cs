using CrmAlliance.Matching.Loading;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrmAlliance.Matching.Worker;

/// <summary><c>/health/ready</c> answers 503 until the candidate index holds the Api's snapshot.</summary>
internal sealed class IndexLoadedCheck(IndexReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(readiness.IsReady ? HealthCheckResult.Healthy("The candidate index is loaded.") : HealthCheckResult.Unhealthy("The candidate index is still loading from the Api's snapshot."));
}
