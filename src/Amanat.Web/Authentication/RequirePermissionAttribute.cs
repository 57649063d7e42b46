using Amanat.Core.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Amanat.Web.Authentication;

/// <summary>Puts a page or endpoint under the policy of one permission of the roles table.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(Permission permission)
    {
        Permission = permission;
        Policy = PolicyName(permission);
    }

    public Permission Permission { get; }

    public static string PolicyName(Permission permission) => "permission:" + permission;
}
