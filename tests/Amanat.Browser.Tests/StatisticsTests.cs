using Amanat.Browser.Tests.Support;
using Amanat.Core.Staff;
using Amanat.Demo;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Amanat.Browser.Tests;

/// <summary>The statistics dashboard in Russian on a phone (360 px) and a laptop (1280 px), from demo incidents; screenshots kept to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StatisticsTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheDashboard_ReadsOnAPhoneAndALaptop_WithChartsAndTables_AndFiltersWithoutJavaScript()
    {
        var (server, address) = await browser.StartFreshAsync();
        await using var _ = server;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await DemoSeeder.Create(scope.ServiceProvider).SeedAsync(400, 11);
        }

        var key = await StaffPeople.CreateAsync(server, "dana", StaffRoles.Analyst);
        await using var phone = await browser.PhoneAsync(javaScript: false, locale: "ru-RU", baseAddress: address);
        var page = await phone.NewPageAsync();
        await StaffPeople.SignInAsync(page, "dana", key);
        await page.GetByRole(AriaRole.Link, new() { Name = "Статистика", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Статистика", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Случаи по месяцам" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Числа округлены до кратных 5.")).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The page is {width} px wide on a 360-px phone.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-statistics-360-ru.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-statistics-360-ru-top.png") });
        await page.Locator("section.stat-section").Nth(1).ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-statistics-360-ru-violations.png") });
        // A filter without JavaScript: police only; the filter stays chosen.
        await page.GetByLabel("Кто (категория)").SelectOptionAsync("POL");
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await Expect(page.GetByLabel("Кто (категория)")).ToHaveValueAsync("POL");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Отдел или подразделение" })).ToBeVisibleAsync();

        await using var laptop = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "ru-RU", BaseURL = address.ToString() });
        var wide = await laptop.NewPageAsync();
        await StaffPeople.SignInAsync(wide, "dana", key);
        await wide.GotoAsync("/staff/statistics?lang=ru");
        await Expect(wide.GetByRole(AriaRole.Img, new() { Name = "Нарушения" })).ToBeVisibleAsync();
        await wide.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-statistics-1280-ru.png"), FullPage = true });
        await wide.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-statistics-1280-ru-top.png") });
        var axe = await wide.RunAxe(); // axe needs JavaScript: on the laptop, whose page is the same
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    [Fact]
    public async Task ACoordinator_DownloadsThePdfReportAndTheAnonymisedDataset_InKazakh_WithoutJavaScript()
    {
        var (server, address) = await browser.StartFreshAsync();
        await using var _ = server;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await DemoSeeder.Create(scope.ServiceProvider).SeedAsync(400, 12);
        }

        var key = await StaffPeople.CreateAsync(server, "aliya", StaffRoles.Coordinator);
        await using var phone = await browser.PhoneAsync(javaScript: false, locale: "kk-KZ", baseAddress: address);
        var page = await phone.NewPageAsync();
        await StaffPeople.SignInAsync(page, "aliya", key);
        await page.GotoAsync("/staff/statistics?lang=kk");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDF есеп" }).ClickAsync());
        var pdf = Path.Combine(Path.GetTempPath(), "amanat-report-kk.pdf");
        await download.SaveAsAsync(pdf);
        Assert.StartsWith("amanat-statistics-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(pdf))[..4]));

        await page.GetByRole(AriaRole.Link, new() { Name = "Желіге арналған иесіздендірілген деректер жинағы" }).ClickAsync();
        await page.GetByLabel("Қанша адам зардап шекті").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Дайындау" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Не беріледі" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Қанша адам зардап шекті")).Not.ToBeCheckedAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The page is {width} px wide on a 360-px phone.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-dataset-360-kk.png"), FullPage = true });
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Жазбалар (CSV)" }).ClickAsync());
        var lines = await File.ReadAllLinesAsync(await csv.PathAsync());
        Assert.Equal("record,period,region,perpetrators,nationalities,days_detained,documents,money_extorted,reporting_delay,no_complaint,violations", lines[0].TrimStart('\uFEFF'));
        Assert.True(lines.Length > 1);

        await using var laptop = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "kk-KZ", BaseURL = address.ToString() });
        var wide = await laptop.NewPageAsync();
        await StaffPeople.SignInAsync(wide, "aliya", key);
        await wide.GotoAsync("/staff/statistics/dataset?lang=kk&Prepare=true&Fields=Period&Fields=Region&Fields=Perpetrators");
        var axe = await wide.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }
}
