using Amanat.Browser.Tests.Support;
using Amanat.Core.Staff;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Amanat.Browser.Tests;

/// <summary>
/// Protection II from the browser: a coordinator forgets a member from her phone (Uzbek, no JavaScript,
/// 360 px); an administrator sets retention (a wrong entry shown back), runs it, and rotates the data keys;
/// the pages pass axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProtectionTests(BrowserFixture browser)
{
    [Fact]
    public async Task ACoordinatorForgetsAMember_AndAnAdministratorSetsRetention_AndRotatesTheKeys()
    {
        var (server, address) = await browser.StartFreshAsync();
        await using var _ = server;
        var key = await StaffPeople.CreateAsync(server, "dilnoza", StaffRoles.Coordinator);
        await using (var phone = await browser.PhoneAsync(javaScript: false, locale: "uz-UZ", baseAddress: address))
        {
            var page = await phone.NewPageAsync();
            await StaffPeople.SignInAsync(page, "dilnoza", key);
            await page.GotoAsync("/staff/members/new?lang=uz");
            await page.GetByLabel("Ish ismi").FillAsync("Nilufar");
            await page.GetByRole(AriaRole.Button, new() { Name = "Saqlash" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nilufar");
            await page.GetByRole(AriaRole.Link, new() { Name = "Uni unutish" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aʼzoni unutish", Level = 1 })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Uni hozir unutish" }).ClickAsync();
            await Expect(page.GetByText("U soʻraganini va buni qaytarib boʻlmasligini belgilang.").First).ToBeVisibleAsync();
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 360, $"The page is {width} px wide on a 360-px phone.");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-forget-360-uz.png"), FullPage = true });
            await page.GetByLabel("U unutishni soʻradi va men buni qaytarib boʻlmasligini tushunaman.").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Uni hozir unutish" }).ClickAsync();
            await Expect(page.GetByText("U unutildi: kaliti va yozuvi oʻchirildi.")).ToBeVisibleAsync();
            await Expect(page.GetByText("Nilufar")).ToHaveCountAsync(0);
        }

        var adminKey = await StaffPeople.CreateAsync(server, "aigerim", StaffRoles.Admin);
        await using var laptop = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "ru-RU", BaseURL = address.ToString() });
        var wide = await laptop.NewPageAsync();
        await StaffPeople.SignInAsync(wide, "aigerim", adminKey);
        await wide.GotoAsync("/staff/admin/retention?lang=ru");
        var stories = wide.GetByLabel("Рассказы закрытых инцидентов (дней после последнего изменения)");
        await stories.FillAsync("неделя");
        await wide.GetByRole(AriaRole.Button, new() { Name = "Сохранить сроки" }).ClickAsync();
        await Expect(wide.GetByText("Напишите 0 (хранить) или число дней от 30 до 36500.").First).ToBeVisibleAsync();
        await Expect(stories).ToHaveValueAsync("неделя");
        await stories.FillAsync("365");
        await wide.GetByRole(AriaRole.Button, new() { Name = "Сохранить сроки" }).ClickAsync();
        await Expect(wide.GetByText("Сроки сохранены; их применит следующий ежедневный запуск.")).ToBeVisibleAsync();
        await wide.GetByRole(AriaRole.Button, new() { Name = "Удалить положенное сейчас" }).ClickAsync();
        await Expect(wide.GetByText("Очистка выполнена. Удалено или очищено:")).ToBeVisibleAsync();
        await wide.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-retention-1280-ru.png"), FullPage = true });
        AssertAccessible(await wide.RunAxe(), "retention");

        await wide.GotoAsync("/staff/admin/keys?lang=ru");
        await Expect(wide.GetByText("Ключи данных: поколение 1.")).ToBeVisibleAsync();
        await wide.GetByRole(AriaRole.Button, new() { Name = "Сменить ключи данных" }).ClickAsync();
        await Expect(wide.GetByText("Ротация начата: созданы новые ключи данных, ключи записей перешифровываются.")).ToBeVisibleAsync();
        AssertAccessible(await wide.RunAxe(), "keys");
        for (var attempt = 0; attempt < 40 && !(await wide.ContentAsync()).Contains("поколение 2.", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(250);
            await wide.GotoAsync("/staff/admin/keys?lang=ru");
        }

        await Expect(wide.GetByText("Ключи данных: поколение 2.")).ToBeVisibleAsync();
        await wide.GotoAsync("/staff/account/password?lang=ru");
        await Expect(wide.GetByRole(AriaRole.Heading, new() { Name = "Сменить мой пароль", Level = 1 })).ToBeVisibleAsync();
        AssertAccessible(await wide.RunAxe(), "password");
    }

    private static void AssertAccessible(Deque.AxeCore.Commons.AxeResult axe, string page) =>
        Assert.True(axe.Violations.Length == 0, page + ": " + string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Take(2).Select(n => n.Html))}")));
}
