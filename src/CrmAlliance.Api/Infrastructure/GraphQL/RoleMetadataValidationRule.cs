using CrmAlliance.Api.Core;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// Defence in depth: refuses, before execution, any field whose schema metadata
/// (<c>AuthorizeWithRoles</c>) does not name the caller's role. The feature core checks the same
/// and more (which company); this only guards against a resolver that forgot to ask it.
/// GraphQL.NET's core has no enforcing rule of its own, so this is ours. <c>GraphQL:EnforceRoleMetadata=false</c>
/// turns it off, so that a test can show the core alone refuses everything it should.
/// </summary>
public sealed class RoleMetadataValidationRule(IConfiguration configuration) : ValidationRuleBase
{
    private readonly bool _enabled = configuration.GetValue("GraphQL:EnforceRoleMetadata", true);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
        => !_enabled ? default : new(new MatchingNodeVisitor<GraphQLField>(static (node, ctx) =>
        {
            var roles = ctx.TypeInfo.GetFieldDef()?.GetRoles();
            if (roles is null || roles.Count == 0)
            {
                return;
            }

            var actor = Actor.FromPrincipal(ctx.User);
            if (actor is not null && roles.Contains(actor.Role.ToString()))
            {
                return;
            }

            // Roles by their display names (company user), not the code's (Company), like the core's refusals.
            var needed = string.Join(", ", roles.Select(r => Enum.TryParse<Role>(r, out var role) ? Refusals.DisplayName(role, Refusals.English) : r));
            var message = actor is null
                ? $"Sign in first: '{node.Name.StringValue}' needs one of the roles {needed}."
                : $"The {Refusals.DisplayName(actor.Role, Refusals.English)} role may not use '{node.Name.StringValue}' (it needs one of {needed}).";

            ctx.ReportError(new ValidationError(ctx.Document.Source, null, message, node)
            {
                Code = actor is null ? ErrorCodes.Unauthenticated : ErrorCodes.Forbidden,
            });
        }));
}

/// <summary>Role metadata for fields, named by the <see cref="Role"/> enum.</summary>
public static class RoleMetadata
{
    public static readonly Role[] Everyone = [Role.Admin, Role.Consultant, Role.Manager, Role.Company];
    public static readonly Role[] Staff = [Role.Admin, Role.Consultant, Role.Manager];

    public static TMetadataWriter AllowRoles<TMetadataWriter>(this TMetadataWriter field, params Role[] roles)
        where TMetadataWriter : IMetadataWriter
        => field.AuthorizeWithRoles(roles.Select(r => r.ToString()).ToArray());
}
