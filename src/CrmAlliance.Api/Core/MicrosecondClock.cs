namespace CrmAlliance.Api.Core;

/// <summary>
/// The system clock, to the microsecond. PostgreSQL keeps instants to the microsecond (SQLite and SQL Server keep
/// 100 ns); with a clock no finer than the coarsest store, an instant read back equals the one written, sent in an
/// event or compared in a cursor, on every provider.
/// </summary>
public sealed class MicrosecondClock : TimeProvider
{
    public static readonly MicrosecondClock Instance = new();

    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMicrosecond));
    }
}
