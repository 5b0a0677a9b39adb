namespace CrmAlliance.Matching.Loading;

/// <summary>Opens once the index holds the snapshot; vacancy matching waits for it.</summary>
public sealed class IndexReadiness
{
    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => loaded.Task.IsCompleted;

    public void MarkLoaded() => loaded.TrySetResult();

    public Task WaitAsync(CancellationToken cancellationToken) => loaded.Task.WaitAsync(cancellationToken);
}
