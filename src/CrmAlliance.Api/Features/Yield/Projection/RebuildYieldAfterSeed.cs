using CrmAlliance.Api.Features.Synthetic;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>The seed command writes raw rows without events, so the read model is rebuilt from them afterwards.</summary>
public sealed class RebuildYieldAfterSeed(YieldRebuild rebuild) : IAfterSeed
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await Console.Error.WriteLineAsync("Rebuilding the yield read model from the generated rows …");
        await rebuild.RunAsync(null, Console.Error, cancellationToken);
    }
}
