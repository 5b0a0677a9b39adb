using CrmAlliance.Api.Features.Accounts.Graph;
using CrmAlliance.Api.Features.Companies.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.ContactLogs.Graph;

public sealed class ContactLogGraphType : ObjectGraphType<ContactLogView>
{
    public ContactLogGraphType()
    {
        Name = "ContactLog";
        Description = "One logged contact with a company (virksomhedskontakt): who, when, how, what came of it, and when to follow it up. Jobcenter staff only.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is ContactLogView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("ContactLog", c.Source.Id));
        Field<NonNullGraphType<CompanyGraphType>>("company").Description("The company contacted.")
            .Resolve(c => CompaniesSchema.LoadCompany(c, c.Source.CompanyId));
        Field<UserGraphType>("consultant").Description("The consultant who made the contact; null if that user no longer exists.")
            .Resolve(c => AccountsSchema.LoadUser(c, c.Source.ConsultantId));
        Field(c => c.OccurredAt).Description("When the contact took place.");
        Field<NonNullGraphType<ContactChannelGraphType>>("channel").Description("How the contact took place.").Resolve(c => c.Source.Channel);
        Field(c => c.Summary).Description("What was discussed.");
        Field(c => c.Outcome, nullable: true).Description("What came of it, if anything was agreed.");
        Field(c => c.FollowUpOn, nullable: true).Description("When to follow the contact up, if at all.");
        Field(c => c.FollowUpDone).Description("True once the follow-up has been done (completeFollowUp).");
    }
}

public sealed class ContactChannelGraphType : EnumerationGraphType<ContactChannel>
{
    public ContactChannelGraphType()
    {
        Name = "ContactChannel";
        Description = "How a contact took place: VISIT at the workplace, PHONE, EMAIL, MEETING (at the jobcenter or online) or EVENT (e.g. a business network meeting).";
    }
}

public sealed class LogContactInputGraphType : CrmInputObjectGraphType<LogContactInput>
{
    public LogContactInputGraphType()
    {
        Name = "LogContactInput";
        Description = "A contact with a company; you are recorded as its consultant.";
        IdField(i => i.CompanyId, "Company", "The company contacted.");
        Field(i => i.OccurredAt).Description("When it took place; at most a day ahead of now.");
        Field<NonNullGraphType<ContactChannelGraphType>>("channel").Description("How the contact took place.");
        Field(i => i.Summary).Description($"What was discussed (at most {ContactLogRules.SummaryMaxLength} characters).");
        Field(i => i.Outcome, nullable: true).Description($"What came of it (at most {ContactLogRules.OutcomeMaxLength} characters).");
        Field(i => i.FollowUpOn, nullable: true).Description("When to follow up; not before the (Danish) date of the contact.");
    }
}
