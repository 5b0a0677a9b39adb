using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Accounts.Graph;

public sealed class AccountsSchema : ISchemaContributor, INodeResolver
{
    public string TypeName => "User";

    public object? Resolve(Guid id, IResolveFieldContext context) => LoadUser(context, id.ToString());

    public static object LoadUser(IResolveFieldContext context, string id)
        => context.Loaders().For<string, UserView>("user.byId", (ids, ct) => context.Service<AccountQueries>().GetByIdsAsync(ids, context.Actor(), ct)).Load(id);

    public void AddQueries(QueryType query)
    {
        query.Field<UserGraphType>("me")
            .AllowRoles(RoleMetadata.Everyone)
            .Description("The signed-in user, with role and company.")
            .ResolveAsync(async c => await c.Service<AccountQueries>().MeAsync(c.Actor(), c.CancellationToken));
        query.Connection<UserGraphType>("users", "All users, by e-mail (Admins).")
            .AllowRoles(Role.Admin)
            .Argument<RoleGraphType>("role", "Only users in this role.")
            .ResolveAsync(async c => (await c.Service<AccountQueries>().ListAsync(c.GetArgument<Role?>("role"), c.Paging(), c.Actor(), c.CancellationToken)).ToConnection());
    }

    public void AddMutations(MutationType mutation)
    {
        mutation.Field<UserGraphType>("createUser")
            .AllowRoles(Role.Admin)
            .Description("Creates a user in a role with an initial password (Admins). Company users name their company.")
            .Argument<NonNullGraphType<CreateUserInputGraphType>>("input", "The user.")
            .ResolveAsync(c => MutationRunner.Run<CreateUserHandler, CreateUserInput, UserView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<UserGraphType>("inviteCompanyUser")
            .AllowRoles(Role.Consultant, Role.Admin)
            .Description("Invites a person at a company (consultants and Admins): an e-mail gives them a code to set their password with POST /auth/resetPassword.")
            .Argument<NonNullGraphType<InviteCompanyUserInputGraphType>>("input", "The person to invite.")
            .ResolveAsync(c => MutationRunner.Run<InviteCompanyUserHandler, InviteCompanyUserInput, UserView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<UserGraphType>("inviteStaffUser")
            .AllowRoles(Role.Admin)
            .Description("Invites a consultant, manager or Admin (Admins): an e-mail gives them a code to set their password with POST /auth/resetPassword.")
            .Argument<NonNullGraphType<InviteStaffUserInputGraphType>>("input", "The person to invite.")
            .ResolveAsync(c => MutationRunner.Run<InviteStaffUserHandler, InviteStaffUserInput, UserView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<UserGraphType>("setUserRole")
            .AllowRoles(Role.Admin)
            .Description("Moves a user to another role (Admins; not your own). COMPANY users name their company.")
            .Argument<NonNullGraphType<SetUserRoleInputGraphType>>("input", "The user and the new role.")
            .ResolveAsync(c => MutationRunner.Run<SetUserRoleHandler, SetUserRoleInput, UserView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
        mutation.Field<UserGraphType>("setUserLocked")
            .AllowRoles(Role.Admin)
            .Description("Locks a user out, or lets them in again (Admins).")
            .Argument<NonNullGraphType<SetUserLockedInputGraphType>>("input", "The user and the new state.")
            .ResolveAsync(c => MutationRunner.Run<SetUserLockedHandler, SetUserLockedInput, UserView>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
    }
}

public sealed class RoleGraphType : EnumerationGraphType<Role>
{
    public RoleGraphType()
    {
        Name = "Role";
        Description = "ADMIN manages users; CONSULTANT does the daily work; MANAGER reads everything and changes pledges; COMPANY is a person at one partner company.";
    }
}

public sealed class UserStatusGraphType : EnumerationGraphType<UserStatus>
{
    public UserStatusGraphType()
    {
        Name = "UserStatus";
        Description = "ACTIVE has a password and may sign in; INVITED has not yet set a password with the invitation's code; LOCKED cannot sign in (locked by an Admin or after failed sign-ins), invited or not.";
    }
}

public sealed class UserGraphType : ObjectGraphType<UserView>
{
    public UserGraphType()
    {
        Name = "User";
        Description = "A person who signs in to CrmAlliance.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is UserView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("User", c.Source.Id));
        Field(u => u.Email).Description("E-mail address, also the sign-in name.");
        Field(u => u.DisplayName).Description("Name shown to others.");
        Field<NonNullGraphType<RoleGraphType>>("role").Description("The user's role.").Resolve(c => c.Source.Role);
        Field(u => u.IsLockedOut).Description("True while the user cannot sign in.");
        Field<NonNullGraphType<UserStatusGraphType>>("status").Description("Where the account stands: ACTIVE, INVITED until the person sets a password with the invitation's code, LOCKED (over either) while locked out.")
            .Resolve(c => c.Source.Status);
        Field<CompanyGraphType>("company").Description("The company a Company user belongs to.")
            .Resolve(c => c.Source.CompanyId is { } id ? CompaniesSchema.LoadCompany(c, id) : null);
    }
}

public sealed class CreateUserInputGraphType : CrmInputObjectGraphType<CreateUserInput>
{
    public CreateUserInputGraphType()
    {
        Name = "CreateUserInput";
        Description = "A new user.";
        Field(i => i.Email).Description("E-mail address; the sign-in name.");
        Field(i => i.DisplayName).Description("Name shown to others.");
        Field<NonNullGraphType<RoleGraphType>>("role").Description("The user's role.");
        Field(i => i.Password).Description("Initial password: at least 12 characters (5 of them different), not a common password and not containing the e-mail's name.");
        OptionalIdField(i => i.CompanyId, "Company", "Required for COMPANY users: their company.");
    }
}

public sealed class InviteCompanyUserInputGraphType : CrmInputObjectGraphType<InviteCompanyUserInput>
{
    public InviteCompanyUserInputGraphType()
    {
        Name = "InviteCompanyUserInput";
        Description = "A person at a company to invite.";
        IdField(i => i.CompanyId, "Company", "Their company.");
        Field(i => i.Email).Description("E-mail address; the invitation goes here.");
        Field(i => i.DisplayName).Description("Name shown to others.");
    }
}

public sealed class InviteStaffUserInputGraphType : CrmInputObjectGraphType<InviteStaffUserInput>
{
    public InviteStaffUserInputGraphType()
    {
        Name = "InviteStaffUserInput";
        Description = "A person at the jobcenter to invite.";
        Field(i => i.Email).Description("E-mail address; the invitation goes here.");
        Field(i => i.DisplayName).Description("Name shown to others.");
        Field<NonNullGraphType<RoleGraphType>>("role").Description("CONSULTANT, MANAGER or ADMIN.");
    }
}

public sealed class SetUserLockedInputGraphType : CrmInputObjectGraphType<SetUserLockedInput>
{
    public SetUserLockedInputGraphType()
    {
        Name = "SetUserLockedInput";
        Description = "Lock or unlock a user.";
        UserIdField(i => i.UserId, "The user.");
        Field(i => i.Locked).Description("True to lock out, false to let in again.");
    }
}

public sealed class SetUserRoleInputGraphType : CrmInputObjectGraphType<SetUserRoleInput>
{
    public SetUserRoleInputGraphType()
    {
        Name = "SetUserRoleInput";
        Description = "A user's new role.";
        UserIdField(i => i.UserId, "The user.");
        Field<NonNullGraphType<RoleGraphType>>("role").Description("The new role.");
        OptionalIdField(i => i.CompanyId, "Company", "Required for COMPANY: the user's company.");
    }
}
