using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.ContactLogs.Graph;

/// <summary>The ContactLogs feature's root fields; each resolver only calls the core.</summary>
public sealed class ContactLogsSchema : ISchemaContributor, INodeResolver
{
    public string TypeName => "ContactLog";

    public object? Resolve(Guid id, IResolveFieldContext context)
        => context.Loaders().For<Guid, ContactLogView>("contactLog.byId", (ids, ct) => context.Service<ContactLogQueries>().GetByIdsAsync(ids, context.Actor(), ct)).Load(id);

    /// <summary>The newest contacts of the source company, batched over every company in the result.</summary>
    public static object LoadLatestContacts(IResolveFieldContext context, Guid companyId, int first)
        => context.Loaders().ForMany<Guid, ContactLogView>(
            $"company.latestContacts.{first}",
            companyId,
            (ids, ct) => context.Service<ContactLogQueries>().LatestByCompanyAsync(ids, first, context.Actor(), ct));

    public void AddQueries(QueryType query)
    {
        query.Connection<ContactLogGraphType>("contactLogs", "A company's logged contacts, newest first (jobcenter staff).")
            .AllowRoles(RoleMetadata.Staff)
            .Argument<NonNullGraphType<IdGraphType>>("companyId", "Global ID of the company.")
            .Argument<DateOnlyGraphType>("from", "Only contacts on or after this date (Danish time).")
            .Argument<DateOnlyGraphType>("to", "Only contacts on or before this date (Danish time).")
            .ResolveAsync(async c => (await c.Service<ContactLogQueries>().ListAsync(
                GlobalId.Parse(c.GetArgument<string>("companyId"), "Company", "companyId"),
                c.GetArgument<DateOnly?>("from"),
                c.GetArgument<DateOnly?>("to"),
                c.Paging(),
                c.Actor(),
                c.CancellationToken)).ToConnection());
        query.Connection<ContactLogGraphType>("followUpsDue", "Open follow-ups due on or before `until`, earliest first (jobcenter staff). A consultant sees their own; managers and admins see everyone's or one consultant's.")
            .AllowRoles(RoleMetadata.Staff)
            .Argument<DateOnlyGraphType>("until", "Due on or before this date (default: today in Denmark).")
            .Argument<IdGraphType>("consultantId", "Only this consultant's (a User's global ID). Consultants may name only themselves.")
            .ResolveAsync(async c => (await c.Service<ContactLogQueries>().FollowUpsDueAsync(
                c.GetArgument<DateOnly?>("until"),
                c.GetArgument<string?>("consultantId") is { } consultantId ? GlobalId.ParseKey(consultantId, "User", "consultantId") : null,
                c.Paging(),
                c.Actor(),
                c.CancellationToken)).ToConnection());
    }

    public void AddMutations(MutationType mutation)
    {
        mutation.Field<ContactLogGraphType>("logContact")
            .AllowRoles(Role.Consultant)
            .Description("Logs a contact with a company (consultants); you are its consultant.")
            .Argument<NonNullGraphType<LogContactInputGraphType>>("input", "The contact.")
            .ResolveAsync(c => MutationRunner.Run<LogContactHandler, LogContactInput, ContactLogView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<ContactLogGraphType>("completeFollowUp")
            .AllowRoles(Role.Consultant)
            .Description("Marks a contact's follow-up done (consultants). A contact without a follow-up is refused with VALIDATION, one already done with CONFLICT.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global ID of the contact log.")
            .ResolveAsync(async c => (object?)await c.Service<CompleteFollowUpHandler>().HandleAsync(
                GlobalId.Parse(c.GetArgument<string>("id"), "ContactLog", "id"), c.Actor(), c.CancellationToken));
    }
}
