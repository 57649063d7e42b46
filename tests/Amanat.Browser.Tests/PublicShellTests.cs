using Amanat.Browser.Tests.Pages;
using Amanat.Browser.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Amanat.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PublicShellTests(BrowserFixture browser)
{
    [Fact]
    public async Task Home_OnA360pxPhone_SwitchToKazakh_ShowsKazakh()
    {
        await using var context = await browser.PhoneAsync();
        var home = await new PublicHomePage(await context.NewPageAsync()).OpenAsync();
        await Expect(home.Heading).ToHaveTextAsync("Помощь, безопасность и информация");

        await home.SwitchLanguageAsync("Қазақша");

        await Expect(home.Heading).ToHaveTextAsync("Көмек, қауіпсіздік және ақпарат");
        await Expect(home.Page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        Assert.Contains("lang=kk", home.Page.Url, StringComparison.Ordinal);
        await Expect(home.QuickExit).ToHaveTextAsync("Жылдам шығу");
        var scrollWidth = await home.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The page is {scrollWidth} px wide on a 360 px screen.");
    }

    [Fact]
    public async Task QuickExit_WithJavaScript_LandsOnTheNeutralSite_AndLeavesNoHistoryEntry()
    {
        await using var context = await browser.PhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(browser.NeutralSite, "/start").ToString());
        var home = await new PublicHomePage(page).OpenAsync("en");

        await home.QuickExit.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(browser.NeutralSite, "/weather").ToString());
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Uri(browser.NeutralSite, "/start").ToString());
    }

    [Fact]
    public async Task QuickExit_WithoutJavaScript_LandsOnTheNeutralSite()
    {
        await using var context = await browser.PhoneAsync(javaScript: false);
        var home = await new PublicHomePage(await context.NewPageAsync()).OpenAsync("uz");
        await Expect(home.Heading).ToHaveTextAsync("Yordam, xavfsizlik va maʼlumot");

        await home.QuickExit.ClickAsync();

        await Expect(home.Page).ToHaveURLAsync(new Uri(browser.NeutralSite, "/weather").ToString());
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    [InlineData("uz")]
    [InlineData("en")]
    public async Task Home_HasNoAccessibilityViolations(string lang)
    {
        await using var context = await browser.PhoneAsync();
        var home = await new PublicHomePage(await context.NewPageAsync()).OpenAsync(lang);

        var result = await home.Page.RunAxe();

        Assert.True(result.Violations.Length == 0, string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length})")));
    }

    [Fact]
    public async Task Home_MakesNoRequestToAnotherSite()
    {
        await using var context = await browser.PhoneAsync();
        var page = await context.NewPageAsync();
        var hosts = new List<string>();
        page.Request += (_, request) => hosts.Add(new Uri(request.Url).Authority);

        await new PublicHomePage(page).OpenAsync("kk");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.NotEmpty(hosts);
        Assert.All(hosts, host => Assert.Equal(browser.BaseAddress.Authority, host));
    }
}
