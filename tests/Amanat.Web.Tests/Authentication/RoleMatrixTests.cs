using System.Net;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Authentication;

/// <summary>
/// Every staff route and API endpoint, generated from the route table, against every role. A new
/// endpoint without an explicit policy, or missing from <see cref="Expected"/>, fails these tests.
/// </summary>
public abstract partial class RoleMatrixTests(AmanatApp app) : IntegrationTest(app)
{
    /// <summary>Route pattern → who may open it. <c>null</c>: open to anyone (the sign-in steps).</summary>
    private static readonly Dictionary<string, Permission?> Expected = new(StringComparer.OrdinalIgnoreCase)
    {
        ["staff"] = Permission.SignedIn,
        ["staff/account"] = Permission.SignedIn,
        ["staff/account/password"] = Permission.SignedIn,
        ["staff/account/tokens"] = Permission.SignedIn,
        ["staff/confirm-password"] = Permission.SignedIn,
        ["staff/denied"] = Permission.SignedIn,
        ["staff/signout"] = Permission.SignedIn,
        ["staff/admin/users"] = Permission.Administer,
        ["staff/admin/users/new"] = Permission.Administer,
        ["staff/admin/users/{id:guid}"] = Permission.Administer,
        ["staff/admin/keys"] = Permission.Administer,
        ["staff/admin/recovery"] = Permission.Administer,
        ["staff/admin/backups"] = Permission.Administer,
        ["staff/admin/retention"] = Permission.Administer,
        ["staff/admin/telegram"] = Permission.Administer,
        ["staff/statistics"] = Permission.ViewStatistics,
        ["staff/statistics/export"] = Permission.ExportAggregates,
        ["staff/statistics/dataset"] = Permission.ExportDataset,
        ["staff/admin/audit"] = Permission.Administer,
        ["staff/unlock"] = null,
        ["staff/panic"] = Permission.PanicLock,
        ["staff/incidents"] = Permission.ReadRecords,
        ["staff/incidents/new"] = Permission.CreateRecords,
        ["staff/incidents/{id:guid}"] = Permission.ReadRecords,
        ["staff/incidents/{id:guid}/edit"] = Permission.ReadRecords,
        ["staff/incidents/{id:guid}/attachments"] = Permission.ReadRecords,
        ["staff/members"] = Permission.FindMember,
        ["staff/directory"] = Permission.SignedIn,
        ["staff/referrals"] = Permission.FindMember,
        ["staff/shelter"] = Permission.FindMember,
        ["staff/tasks"] = Permission.ReadRecords,
        ["staff/reports"] = Permission.ReviewSelfReports,
        ["staff/reports/{id:guid}"] = Permission.ReviewSelfReports,
        ["staff/access-codes"] = Permission.IssueAccessCodes,
        ["staff/alerts"] = Permission.WriteAlerts,
        ["staff/alerts/new"] = Permission.WriteAlerts,
        ["staff/alerts/{id:guid}"] = Permission.WriteAlerts,
        ["staff/alerts/{id:guid}/edit"] = Permission.WriteAlerts,
        ["staff/alerts/sheet"] = Permission.IssueAccessCodes,
        ["api/v1/public/check"] = null,
        ["api/v1/public/alerts"] = null,
        ["api/v1/public/reports"] = null,
        ["api/v1/public/reports/withdraw"] = null,
        ["staff/stay-rules"] = Permission.ManageReferenceData,
        ["staff/outreach"] = Permission.CreateRecords,
        ["staff/directory/new"] = Permission.ManageReferenceData,
        ["staff/directory/{id:guid}"] = Permission.ManageReferenceData,
        ["staff/members/new"] = Permission.CreateRecords,
        ["staff/members/{id:guid}"] = Permission.ReadRecords,
        ["staff/members/{id:guid}/edit"] = Permission.CreateRecords,
        ["staff/members/{id:guid}/forget"] = Permission.AssignAndHandOver,
        ["staff/members/{id:guid}/stay"] = Permission.ReadRecords,
        ["staff/vocabularies"] = Permission.ManageReferenceData,
        ["staff/handover"] = Permission.AssignAndHandOver,
        ["staff/vocabularies/{id:guid}"] = Permission.ManageReferenceData,
        ["staff/setup"] = null,
        ["staff/signin"] = null,
        ["staff/signin/code"] = null,
        ["staff/signin/enrol"] = null,
        ["api/v1/me"] = Permission.SignedIn,
        ["api/v1/incidents"] = Permission.ReadRecords,
        ["api/v1/incidents/{id:guid}"] = Permission.ReadRecords,
        ["api/v1/incidents/{id:guid}/attachments"] = Permission.ReadRecords,
        ["api/v1/members"] = Permission.ReadRecords,
        ["api/v1/members/find"] = Permission.FindMember,
        ["api/v1/members/{id:guid}/referrals"] = Permission.FindMember,
        ["api/v1/members/{id:guid}/shelter/check-in"] = Permission.CreateRecords,
        ["api/v1/members/{id:guid}/shelter/check-out"] = Permission.CreateRecords,
        ["api/v1/referrals"] = Permission.FindMember,
        ["api/v1/referrals/{id:guid}"] = Permission.CreateRecords,
        ["api/v1/shelter"] = Permission.FindMember,
        ["api/v1/members/{id:guid}"] = Permission.ReadRecords,
        ["api/v1/members/{id:guid}/services"] = Permission.ReadRecords,
        ["api/v1/incidents/{id:guid}/attachments/{attachmentId:guid}"] = Permission.ReadRecords,
        ["api/v1/incidents/{id:guid}/attachments/{attachmentId:guid}/original"] = Permission.ReadRecords,
        ["api/v1/incidents/{id:guid}/attachments/{attachmentId:guid}/view"] = Permission.ReadRecords,
        ["api/v1/incidents/{id:guid}/attachments/{attachmentId:guid}/thumbnail"] = Permission.ReadRecords,
    };

    public static TheoryData<StaffRoles> Roles => [.. StaffRoleList.All];

    [Fact]
    public void EveryStaffAndApiEndpoint_HasAnExplicitPolicy_AndAnEntryInTheMatrix()
    {
        var problems = new List<string>();
        foreach (var (route, endpoint) in StaffAndApiEndpoints())
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(x => x.Policy).Where(x => x is not null).ToList();
            if (!Expected.TryGetValue(route, out var expected))
            {
                problems.Add($"{route}: not in the role matrix");
            }
            else if (expected is null && !anonymous)
            {
                problems.Add($"{route}: expected to be open but requires sign-in");
            }
            else if (expected is { } permission && (anonymous || !policies.Contains(RequirePermissionAttribute.PolicyName(permission))))
            {
                problems.Add($"{route}: expected the policy of {permission}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(Expected.Keys.Order(StringComparer.OrdinalIgnoreCase), StaffAndApiEndpoints().Select(x => x.Route).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryRole_IsAllowedAndDeniedExactlyAsTheTableSays(StaffRoles role)
    {
        var staff = await StaffClient.SignInNewAsync(App, role);
        var failures = new List<string>();
        // Sign-out would end the session; the "denied" page answers 403 to everyone by design.
        var readable = ReadableRoutes();
        foreach (var (route, permission) in Expected.Where(x => x.Value is not null && x.Key is not "staff/signout" and not "staff/denied" && readable.Contains(x.Key)))
        {
            var path = "/" + GuidParameter().Replace(route, staff.User.Id.ToString());
            using var response = await staff.Http.GetAsync(new Uri(path, UriKind.Relative));
            var allowed = Permissions.Allows(role, permission!.Value);
            var location = response.Headers.Location?.ToString() ?? string.Empty;
            var denied = response.StatusCode == HttpStatusCode.Forbidden || new Uri(new Uri("http://localhost"), location).AbsolutePath == "/staff/denied";
            // A record page with a made-up id: allowed means "not found", never "denied".
            var ok = response.StatusCode == HttpStatusCode.OK || (route.Contains("{id", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.NotFound);
            if (allowed != ok || allowed == denied)
            {
                failures.Add($"{role} → {path}: {(int)response.StatusCode} {location} (expected {(allowed ? "allowed" : "denied")})");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task WithoutSignIn_StaffPagesRedirectToSignIn_AndTheApiAnswers401()
    {
        using var client = App.Client();
        var readable = ReadableRoutes();
        foreach (var route in Expected.Where(x => x.Value is not null && readable.Contains(x.Key)).Select(x => x.Key))
        {
            var path = "/" + GuidParameter().Replace(route, Guid.CreateVersion7().ToString());
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (route.StartsWith("api/", StringComparison.Ordinal))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/staff/signin?ReturnUrl=", response.Headers.Location?.ToString(), StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Routes that answer a GET; those that only take a POST (a search whose terms must not be in a URL) are checked by their policy alone.</summary>
    private HashSet<string> ReadableRoutes() =>
        StaffAndApiEndpoints().Where(x => x.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(x => x.Route).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private IEnumerable<(string Route, Endpoint Endpoint)> StaffAndApiEndpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(x => (Route: (x.RoutePattern.RawText ?? string.Empty).Trim('/'), Endpoint: (Endpoint)x))
            .Where(x => x.Route.StartsWith("staff", StringComparison.OrdinalIgnoreCase) || x.Route.StartsWith("api", StringComparison.OrdinalIgnoreCase));

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[A-Za-z]+:guid\}")]
    private static partial System.Text.RegularExpressions.Regex GuidParameter();

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : RoleMatrixTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : RoleMatrixTests(app);
}
