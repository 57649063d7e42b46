namespace Amanat.Web.Authentication;

internal static class StaffSchemes
{
    /// <summary>Chooses between the cookie and a bearer token for each request.</summary>
    public const string Default = "Amanat";

    /// <summary>The browser session of a fully signed-in staff member.</summary>
    public const string Cookie = "Amanat.Staff";

    /// <summary>Between password and code (or TOTP enrolment): five minutes, nothing else allowed.</summary>
    public const string Pending = "Amanat.Pending";

    /// <summary>A personal API token in <c>Authorization: Bearer</c>.</summary>
    public const string Token = "Amanat.Token";

    public const string SignInPath = "/staff/signin";
}
