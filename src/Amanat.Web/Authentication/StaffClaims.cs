using System.Security.Claims;
using Amanat.Core.Staff;

namespace Amanat.Web.Authentication;

/// <summary>The claims of a signed-in staff member: id, username, roles, session and security stamp.</summary>
internal static class StaffClaims
{
    public const string SessionId = "amanat:sid";
    public const string SecurityStamp = "amanat:stamp";
    public const string TokenId = "amanat:token";

    public static ClaimsPrincipal Principal(StaffUser user, string scheme, params Claim[] extra)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName ?? string.Empty),
            new(SecurityStamp, user.SecurityStamp ?? string.Empty),
        };
        claims.AddRange(StaffRoleList.Split(user.Roles).Select(r => new Claim(ClaimTypes.Role, RoleName(r))));
        claims.AddRange(extra);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static string RoleName(StaffRoles role) => role.ToString().ToLowerInvariant();

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The signed-in staff member's id, where the page or endpoint requires a signed-in staff member.</summary>
    public static Guid RequiredUserId(this ClaimsPrincipal principal) =>
        principal.UserId() ?? throw new InvalidOperationException("No signed-in staff member: the page or endpoint must require one.");

    public static Guid? SessionIdOf(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(SessionId), out var id) ? id : null;

    public static StaffRoles Roles(this ClaimsPrincipal principal) =>
        StaffRoleList.Combine(StaffRoleList.All.Where(r => principal?.IsInRole(RoleName(r)) == true));
}
