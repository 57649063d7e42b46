using Amanat.Core.Staff;
using Amanat.Web.Authentication;

namespace Amanat.Web.Features.Account;

/// <summary>The staff part of the JSON API under <c>/api/v1</c>; browser session or personal token.</summary>
internal static class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Staff");
        api.MapGet("/me", (HttpContext context) => new MeResponse(
                context.User.Identity?.Name ?? string.Empty,
                [.. StaffRoleList.Split(context.User.Roles()).Select(StaffClaims.RoleName)]))
            .RequireAuthorization(RequirePermissionAttribute.PolicyName(Permission.SignedIn))
            .WithSummary("Who the caller is and which roles she holds.");
        return endpoints;
    }
}

internal sealed record MeResponse(string UserName, IReadOnlyList<string> Roles);
