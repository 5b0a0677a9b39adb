using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>
/// Stages <see cref="CompanyChanged"/>, <see cref="ContactLogged"/> and <see cref="PledgeChanged"/> in the outbox
/// for every save that adds, changes or removes those rows, so that no write path (form, import, correction)
/// can forget the event the yield read model depends on. Placements, outcomes and vacancies stage their richer
/// events explicitly in their handlers.
/// </summary>
public sealed class SourceChangeEvents(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stage(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stage(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stage(DbContext? context)
    {
        if (context is not CrmDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var companies = new HashSet<Guid>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case Company company:
                    companies.Add(company.Id);
                    break;
                case Workplace workplace:
                    companies.Add(workplace.CompanyId);
                    break;
                case ContactLog contact when entry.State != EntityState.Modified || entry.Property(nameof(ContactLog.OccurredAt)).IsModified:
                    db.Enqueue(contact.CompanyId, new ContactLogged(contact.Id, contact.CompanyId, contact.OccurredAt), now);
                    break;
                case Pledge pledge:
                    db.Enqueue(pledge.CompanyId, new PledgeChanged(pledge.Id, pledge.CompanyId, entry.State == EntityState.Deleted, now), now);
                    break;
            }
        }

        foreach (var companyId in companies)
        {
            db.Enqueue(companyId, new CompanyChanged(companyId, now), now);
        }
    }
}
