using CrmAlliance.Api.Features.Yield.Projection;

namespace CrmAlliance.DataGeneration;

/// <summary>The generator writes raw rows without events, so the yield read model is rebuilt from them afterwards.</summary>
public sealed class RebuildYieldAfterSeed(YieldRebuild rebuild) : IAfterSeed
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await Console.Error.WriteLineAsync("Rebuilding the yield read model from the generated rows …");
        await rebuild.RunAsync(null, Console.Error, cancellationToken);
    }
}
