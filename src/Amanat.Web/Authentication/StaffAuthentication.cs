using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;

namespace Amanat.Web.Authentication;

/// <summary>
/// Staff sign-in: ASP.NET Core Identity for accounts (passwords, TOTP keys, recovery codes), growing delays
/// after wrong attempts instead of a lock-out (<see cref="SignInThrottle"/>), one-time TOTP codes, a
/// cookie tied to a server-side session, personal bearer tokens for the API, and one policy per
/// permission of the roles table.
/// </summary>
internal static class StaffAuthentication
{
    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.AllowedUserNameCharacters = string.Empty; // checked by StaffUser.IsValidUserName
                options.User.RequireUniqueEmail = false;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = false; // no lock-out weapon: wrong attempts are slowed by SignInThrottle
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddUserStore<StaffUserStore>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<AuthenticatorCodes>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<PreservedForms.RestoreFilter>();

        services.AddAuthentication(StaffSchemes.Default)
            .AddPolicyScheme(StaffSchemes.Default, null, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? StaffSchemes.Token
                    : StaffSchemes.Cookie)
            .AddCookie(StaffSchemes.Cookie, options =>
            {
                options.Cookie.Name = ".Amanat.Staff";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.IsEssential = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.LoginPath = StaffSchemes.SignInPath;
                options.AccessDeniedPath = "/staff/denied";
                options.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = SessionValidator.ValidateAsync,
                    OnRedirectToLogin = RedirectToSignInAsync,
                    OnRedirectToAccessDenied = context =>
                    {
                        if (AreaPaths.IsApi(context.Request.Path))
                        {
                            context.Response.StatusCode = StatusCodes.Status403Forbidden;
                            return Task.CompletedTask;
                        }

                        context.Response.Redirect(context.RedirectUri);
                        return Task.CompletedTask;
                    },
                };
            })
            .AddCookie(StaffSchemes.Pending, options =>
            {
                options.Cookie.Name = ".Amanat.Pending";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.IsEssential = true;
                options.Cookie.Path = "/staff/signin";
                options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                options.SlidingExpiration = false;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenHandler>(StaffSchemes.Token, null);

        services.AddAuthorization(options =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                var roles = StaffRoleList.Split(Permissions.RolesFor(permission)).Select(StaffClaims.RoleName).ToArray();
                options.AddPolicy(RequirePermissionAttribute.PolicyName(permission), policy => policy
                    .AddAuthenticationSchemes(StaffSchemes.Default)
                    .RequireAuthenticatedUser()
                    .RequireRole(roles));
            }
        });
        return services;
    }

    /// <summary>
    /// Staff pages send the browser to sign in (keeping a form posted after the session expired); the
    /// API answers 401 without a redirect.
    /// </summary>
    private static async Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        if (AreaPaths.IsApi(request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var returnUrl = request.PathBase + request.Path + request.QueryString;
        if (await PreservedForms.CaptureAsync(context.HttpContext) is { } kept)
        {
            returnUrl = request.PathBase + request.Path + QueryString.Create(PreservedForms.QueryKey, kept.ToString());
        }

        var query = new QueryBuilder { { "ReturnUrl", returnUrl } };
        if (Languages.Find(request.Query[Languages.QueryKey]) is { } language)
        {
            query.Add(Languages.QueryKey, language.Code);
        }

        context.Response.Redirect(request.PathBase + StaffSchemes.SignInPath + query);
    }
}
