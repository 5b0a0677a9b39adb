namespace CrmAlliance.DataGeneration;

/// <summary>
/// Work to do on the seeded data once its transaction has committed. The generator writes raw rows only (no bus
/// events), so whatever is normally kept up to date from events — the partner-yield read model — is rebuilt here
/// from those rows (<see cref="RebuildYieldAfterSeed"/>, registered by <see cref="DataGenerationModule.AddDataGeneration"/>).
/// The seed command runs every registration in order, each in its own scope, with the command's Ctrl+C token. The
/// seeded data stays if one fails (the command then exits with 1 and names it), so a failed step can be repeated
/// on its own.
/// </summary>
public interface IAfterSeed
{
    Task RunAsync(CancellationToken cancellationToken);
}
