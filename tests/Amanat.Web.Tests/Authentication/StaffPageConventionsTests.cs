using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Authentication;

/// <summary>
/// The staff conventions key on each page's route, not on its folder (pages live in feature folders): every
/// page under /staff demands sign-in except the sign-in steps, first-run setup and the unlock page; every
/// staff page restores preserved forms; every /staff/admin page, and only those, re-asks the password; every
/// page but the error page needs one of its handlers.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class StaffPageConventionsTests(SqliteApp app) : IntegrationTest(app)
{
    private static readonly string[] Open = ["staff/signin", "staff/signin/code", "staff/signin/enrol", "staff/setup", "staff/unlock"];

    [Fact]
    public void EveryStaffPage_DemandsSignIn_ExceptSignInSetupAndUnlock()
    {
        var pages = Pages().Where(x => x.Route == "staff" || x.Route.StartsWith("staff/", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > 50, $"only {pages.Count} staff pages found");
        var signedIn = RequirePermissionAttribute.PolicyName(Permission.SignedIn);
        foreach (var (route, endpoint, _) in pages)
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            Assert.True(Open.Contains(route) == anonymous, $"{route}: {(anonymous ? "open to anyone" : "demands sign-in")}");
            Assert.Contains(signedIn, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(x => x.Policy));
        }

        Assert.All(Open, route => Assert.Contains(pages, x => x.Route == route));
    }

    [Fact]
    public void StaffPagesRestoreForms_AdminPagesReaskThePassword_AndEveryPageButTheErrorNeedsAHandler()
    {
        foreach (var (route, _, filters) in Pages())
        {
            var staff = route == "staff" || route.StartsWith("staff/", StringComparison.Ordinal);
            Assert.True(staff == filters.Contains("svc:RestoreFilter"), $"{route}: preserved forms");
            Assert.True(route.StartsWith("staff/admin/", StringComparison.Ordinal) == filters.Contains("RecentPasswordFilter"), $"{route}: recent password");
            Assert.True(route.StartsWith("error/", StringComparison.Ordinal) != filters.Contains("RequireHandlerFilter"), $"{route}: handler required");
        }
    }

    private List<(string Route, Endpoint Endpoint, HashSet<string> Filters)> Pages() =>
        [.. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(x => x.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null)
            .Select(x => (
                Route: (x.RoutePattern.RawText ?? string.Empty).Trim('/').ToLowerInvariant(),
                Endpoint: (Endpoint)x,
                Filters: x.Metadata.GetMetadata<CompiledPageActionDescriptor>()!.FilterDescriptors
                    .Select(f => f.Filter is ServiceFilterAttribute s ? "svc:" + s.ServiceType.Name : f.Filter.GetType().Name).ToHashSet(StringComparer.Ordinal)))];
}
