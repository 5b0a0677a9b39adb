namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>Writes that go on while a test does something else — a backup, say — and must not be disturbed by it.</summary>
public static class BackgroundWrites
{
    /// <summary>
    /// Runs <paramref name="act"/> once the consultant has registered a first company, while they go on registering
    /// companies one after another; fails if any of those writes failed.
    /// </summary>
    public static async Task WhileRegisteringCompaniesAsync(GraphQLClient consultant, Func<Task> act)
    {
        using var writing = new CancellationTokenSource();
        var firstWritten = new TaskCompletionSource();
        var writer = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                await consultant.RegisterCompanyAsync("Under backup " + TestData.UniqueLetters(6));
                firstWritten.TrySetResult();
            }
        });
        await Task.WhenAny(firstWritten.Task, writer);
        await firstWritten.Task;
        try
        {
            await act();
        }
        finally
        {
            await writing.CancelAsync();
            await writer; // the writes went on during act without an error
        }
    }
}
