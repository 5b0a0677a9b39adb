using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Audit.Graph;

/// <summary>The Admins' search of the audit trail over GraphQL; the core (<see cref="AuditQueries"/>) refuses everyone else.</summary>
public sealed class AuditSchema : ISchemaContributor
{
    public void AddQueries(QueryType query)
    {
        query.Connection<AuditEntryGraphType>("auditEntries", "The audit trail, newest first (Admins): every change and every read of candidate data, with who, when and what. Values about a candidate whose data was erased read \"(slettet)\".")
            .AllowRoles(Role.Admin)
            .Argument<AuditFilterInputGraphType>("filter", "Conditions the entries must meet.")
            .ResolveAsync(async c => (await c.Service<AuditQueries>().SearchAsync(c.GetArgument<AuditFilter>("filter") ?? new AuditFilter(), c.Paging(), c.Actor(), c.CancellationToken)).ToConnection());
    }

    public void AddMutations(MutationType mutation)
    {
    }
}

public sealed class AuditActionGraphType : EnumerationGraphType<AuditAction>
{
    public AuditActionGraphType()
    {
        Name = "AuditAction";
        Description = "CREATED, CHANGED or DELETED a row; READ candidate data; BULK: one operation over many rows (an import), with its row count.";
    }
}

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntryView>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One entry of the append-only audit trail.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("AuditEntry", c.Source.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Field(e => e.At).Description("When it happened.");
        Field(e => e.ActorUserId).Description("The user's database id, or \"system\" for background work and the matching worker.");
        Field(e => e.ActorEmail, nullable: true).Description("The user's e-mail at the time; null for \"system\".");
        Field(e => e.ActorRole).Description("Admin, Consultant, Manager, Company or System.");
        Field<NonNullGraphType<AuditActionGraphType>>("action").Description("What was done.").Resolve(c => c.Source.Action);
        Field(e => e.EntityType).Description("The kind of row, e.g. Candidate, Placement, Company, ApplicationUser.");
        Field(e => e.EntityId, nullable: true).Description("The row's database id; null for a list read or a bulk operation.");
        Field<IdGraphType>("candidateId").Description("The candidate the entry is about (global ID), when it is about one.")
            .Resolve(c => c.Source.CandidateId is { } id ? GlobalId.Encode("Candidate", id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditFieldChangeGraphType>>>>("changes").Description("The fields that changed, with old and new values.").Resolve(c => c.Source.Changes);
        Field(e => e.Erased).Description("True when the values were about a candidate whose data has been erased: they read \"(slettet)\".");
        Field(e => e.Details, nullable: true).Description("For reads and bulk operations: the filter or operation, or the candidates read.");
        Field(e => e.RowCount, nullable: true).Description("For list reads, exports and bulk operations: how many rows.");
        Field(e => e.Sealed).Description("True once the entry is in the hash chain (about a second after it was written).");
    }
}

public sealed class AuditFieldChangeGraphType : ObjectGraphType<AuditFieldChange>
{
    public AuditFieldChangeGraphType()
    {
        Name = "AuditFieldChange";
        Description = "One field's value before and after a change.";
        Field(f => f.Field).Description("The field's name.");
        Field(f => f.Old, nullable: true).Description("The value before (null when the row was created or the value was empty).");
        Field(f => f.New, nullable: true).Description("The value after (null when the row was removed or the value is empty).");
    }
}

public sealed class AuditFilterInputGraphType : CrmInputObjectGraphType<AuditFilter>
{
    public AuditFilterInputGraphType()
    {
        Name = "AuditFilter";
        Description = "Narrows an audit search; all given conditions must hold.";
        Field(f => f.User, nullable: true).Description("The acting user's database id or e-mail, or \"system\".");
        Field(f => f.EntityType, nullable: true).Description("The kind of row, e.g. Candidate.");
        Field(f => f.EntityId, nullable: true).Description("The row's database id.");
        Field(f => f.CandidateReference, nullable: true).Description("Entries about the candidate with this case reference.");
        Field(f => f.From, nullable: true).Description("From this day (Danish time), included.");
        Field(f => f.To, nullable: true).Description("Through this day (Danish time), included.");
    }
}
