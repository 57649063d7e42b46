using Amanat.Browser.Tests.Pages;
using Amanat.Browser.Tests.Support;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Amanat.Browser.Tests;

/// <summary>Quick exit from a staff page: the session ends on the server, and "back" or the address bar lead to the sign-in page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuickExitTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery staple";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task QuickExit_OnAStaffPage_EndsTheSession_SoTheIncidentsOpenOnlyTheSignInPage(bool javaScript)
    {
        var userName = javaScript ? "exit-with-script" : "exit-without-script";
        var key = await CreateAsync(userName, StaffRoles.Outreach);
        await using var context = await browser.PhoneAsync(locale: "en-GB", javaScript: javaScript);
        var staff = new StaffSignInPages(await context.NewPageAsync());
        await staff.SignInAsync(userName, Password, key);
        var page = staff.Page;
        await page.GotoAsync("/staff/incidents");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/incidents"));

        await page.Locator("header a[data-quick-exit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(browser.NeutralSite, "/weather").ToString());
        await page.GotoAsync(new Uri(browser.BaseAddress, "/staff/incidents").ToString());

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/signin"));
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Amanat.Core.Data.AmanatDbContext>();
        var user = db.Users.Single(u => u.UserName == userName);
        Assert.Equal(SessionEndReason.QuickExit, db.StaffSessions.Where(s => s.UserId == user.Id).Select(s => s.EndReason).Single());
    }

    private async Task<string> CreateAsync(string userName, StaffRoles roles)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var (user, result) = await accounts.AddAsync(userName, Password, roles);
        Assert.True(result.Succeeded);
        return (await accounts.EnrolNowAsync(user!)).Key;
    }
}
