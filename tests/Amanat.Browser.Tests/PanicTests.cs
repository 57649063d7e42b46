using Amanat.Browser.Tests.Support;
using Amanat.Core.Staff;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Amanat.Browser.Tests;

/// <summary>The panic lock from a phone without JavaScript, in Kazakh; the recovery sheets page for an administrator; both accessible.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PanicTests(BrowserFixture browser)
{
    [Fact]
    public async Task ACoordinator_LocksTheServerFromHerPhone_AndAnAdministratorPrintsRecoverySheets()
    {
        var (server, address) = await browser.StartFreshAsync();
        await using var _ = server;
        var adminKey = await StaffPeople.CreateAsync(server, "gulnar", StaffRoles.Admin);
        await using (var laptop = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "ru-RU", BaseURL = address.ToString() }))
        {
            var wide = await laptop.NewPageAsync();
            await StaffPeople.SignInAsync(wide, "gulnar", adminKey);
            await wide.GotoAsync("/staff/admin/recovery?lang=ru");
            await wide.GetByLabel("Число листов (n)").FillAsync("4");
            await wide.GetByLabel("Листов нужно для открытия (k)").FillAsync("2");
            await wide.GetByRole(AriaRole.Button, new() { Name = "Создать листы" }).ClickAsync();
            await Expect(wide.GetByRole(AriaRole.Heading, new() { Name = "Доля восстановления 4 из 4" })).ToBeVisibleAsync();
            await wide.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-recovery-1280-ru.png"), FullPage = true });
            var axeSheets = await wide.RunAxe();
            Assert.True(axeSheets.Violations.Length == 0, string.Join("; ", axeSheets.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
            await wide.GotoAsync("/staff/panic?lang=kk");
            var axe = await wide.RunAxe(); // axe needs JavaScript: on the laptop, whose page is the same
            Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
        }

        var key = await StaffPeople.CreateAsync(server, "saule", StaffRoles.Coordinator);
        await using var phone = await browser.PhoneAsync(javaScript: false, locale: "kk-KZ", baseAddress: address);
        var page = await phone.NewPageAsync();
        await StaffPeople.SignInAsync(page, "saule", key);
        await page.GotoAsync("/staff?lang=kk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Шұғыл бұғаттау" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Шұғыл бұғаттау", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Кілттерді жою")).ToHaveCountAsync(0); // wiping is for administrators
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The page is {width} px wide on a 360-px phone.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-panic-360-kk.png"), FullPage = true });
        await page.GetByLabel("Құпиясөз").FillAsync(StaffPeople.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Серверді қазір бұғаттау" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/unlock"));
        var locked = await page.GotoAsync("/staff/incidents");
        Assert.Equal(503, locked!.Status);
    }
}
