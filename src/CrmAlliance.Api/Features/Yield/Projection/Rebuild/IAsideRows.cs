namespace CrmAlliance.Api.Features.Yield.Projection.Rebuild;

/// <summary>Rows written into one aside table within the current transaction (<see cref="AsideWriter"/>).</summary>
public interface IAsideRows : IDisposable
{
    ValueTask AddAsync(object row, CancellationToken cancellationToken);

    /// <summary>Writes what is waiting; the table takes no rows after it.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
