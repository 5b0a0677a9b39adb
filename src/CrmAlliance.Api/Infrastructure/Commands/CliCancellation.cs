namespace CrmAlliance.Api.Infrastructure.Commands;

/// <summary>Ctrl+C for a command-line run: cancels its token, says so, and turns the cancellation into exit code 130.</summary>
public static class CliCancellation
{
    public static async Task<int> RunAsync(string name, TextWriter output, Func<CancellationToken, Task<int>> run, CancellationToken cancellationToken = default)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            output.WriteLine();
            output.WriteLine("Interrupted: stopping and rolling back what is not committed …");
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await run(cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await output.WriteLineAsync($"{name}: interrupted; nothing half-written was kept.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
