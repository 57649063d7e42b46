using Amanat.Browser.Tests.Pages;
using Amanat.Browser.Tests.Support;
using Amanat.Core.Data;
using Amanat.Core.Providers;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Amanat.Browser.Tests;

/// <summary>The centre's daily work on a 360-px phone in Uzbek, JavaScript off: a member, three shelter nights, a referral that becomes overdue.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CentreTests(BrowserFixture browser)
{
    [Fact]
    public async Task OutreachWorker_RegistersAMember_RecordsThreeShelterNights_AndAReferralThatBecomesOverdue()
    {
        var (server, address) = await browser.StartFreshAsync();
        await using var _ = server;
        var key = await StaffPeople.CreateAsync(server, "nodira", StaffRoles.Outreach);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AmanatDbContext>();
            db.Providers.Add(new Provider(new ProviderDraft { Name = "Klinika «Mehr»", Kind = ProviderKind.Clinic, CityCode = "ALA", NoDocumentsNeeded = true, Cost = ProviderCost.Free }, TestClock.UtcNow));
            await db.SaveChangesAsync();
        }

        await using var phone = await browser.PhoneAsync(javaScript: false, locale: "ru-RU", baseAddress: address);
        phone.SetDefaultTimeout(15_000);
        var page = await phone.NewPageAsync();
        await StaffPeople.SignInAsync(page, "nodira", key);

        await page.GotoAsync("/staff/members/new?lang=uz");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Aʼzoni roʻyxatga olish");
        await page.GetByLabel("Ish ismi").FillAsync("Nilufar");
        await page.GetByLabel("Tugʻilgan yili").FillAsync("1996");
        await page.GetByLabel("Fuqaroligi").SelectOptionAsync(new SelectOptionValue { Label = "Oʻzbekiston" });
        await page.GetByLabel("Rozilik: uni boshqa xizmatlarga yoʻnaltirish (SERVICES)").SelectOptionAsync(new SelectOptionValue { Label = "Ha" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Saqlash" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nilufar");

        // Three nights: she came three days ago and leaves today.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(server.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty")).DateTime);
        await page.GetByLabel("Kelgan sana").FillAsync(today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Joylashtirish" }).ClickAsync();
        await Expect(page.GetByText("(hozircha 3 tun)", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Chiqarish" }).ClickAsync();
        await Expect(page.Locator("#services li")).ToContainTextAsync("3 tun");

        await page.GetByLabel("Qayerga yoʻnaltirish").SelectOptionAsync(new SelectOptionValue { Label = "Klinika «Mehr» (Almati, Klinika)" });
        await page.GetByLabel("Nima uchun").SelectOptionAsync(new SelectOptionValue { Label = "Tibbiy yordam: ginekolog" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Yoʻnaltirish", Exact = true }).ClickAsync();
        await Expect(page.Locator("#referrals li")).ToContainTextAsync("yoʻnaltirildi");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-member-360-uz.png"), FullPage = true });

        // Ten days on, nobody has followed up: the referral is overdue.
        server.Clock.Advance(TimeSpan.FromDays(10));
        await StaffPeople.SignInAsync(page, "nodira", key);
        await page.GotoAsync("/staff/referrals?lang=uz");
        await Expect(page.GetByText("Ochiq: 1; muddati oʻtgan: 1.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nilufar" })).ToContainTextAsync("muddati oʻtdi");

        await using var laptop = await browser.PhoneAsync(locale: "ru-RU", baseAddress: address);
        var withScript = await laptop.NewPageAsync();
        await StaffPeople.SignInAsync(withScript, "nodira", key);
        foreach (var path in new[] { "/staff/referrals?lang=uz", "/staff/members?lang=uz", "/staff/shelter?lang=uz", "/staff/outreach?lang=uz", "/staff/members/new?lang=uz", "/help?lang=uz" })
        {
            await withScript.GotoAsync(path);
            var axe = await withScript.RunAxe();
            Assert.True(axe.Violations.Length == 0, path + ": " + string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Take(2).Select(n => n.Html))}")));
        }
    }

    [Fact]
    public async Task AnEntryDate_MakesADeadlineAppear_InTheFourteenDayList_WhenTheClockMovesOn_AndTheHomeNamesNoOne()
    {
        var (server, address) = await browser.StartFreshAsync();
        await using var _ = server;
        var key = await StaffPeople.CreateAsync(server, "dilnoza", StaffRoles.Outreach);
        await using var phone = await browser.PhoneAsync(javaScript: false, locale: "ru-RU", baseAddress: address);
        phone.SetDefaultTimeout(15_000);
        var page = await phone.NewPageAsync();
        await StaffPeople.SignInAsync(page, "dilnoza", key);

        await page.GotoAsync("/staff/members/new?lang=uz");
        await page.GetByLabel("Ish ismi").FillAsync("Gulnoza");
        await page.GetByLabel("Fuqaroligi").SelectOptionAsync(new SelectOptionValue { Label = "Oʻzbekiston" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Saqlash" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Hujjatlar va boʻlish muddati" }).ClickAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(server.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty")).DateTime);
        await page.GetByLabel("Nima boʻldi").SelectOptionAsync(new SelectOptionValue { Label = "mamlakatga kirdi" });
        await page.GetByLabel("Sana", new() { Exact = true }).FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Qoʻshish" }).ClickAsync();
        await Expect(page.GetByText("Yoʻl-yoʻriq, yuridik maslahat emas", new() { Exact = false })).ToBeVisibleAsync();

        // Today the registration deadline is a month away, so only the host's notification (3 working days) is due.
        await page.GotoAsync("/staff/tasks?lang=uz");
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Gulnoza" })).ToContainTextAsync("Qabul qiluvchi tomon xabar berish muddati");
        await Expect(page.GetByText("Roʻyxatdan oʻtish yoki ruxsatnoma muddati")).ToHaveCountAsync(0);

        // Twenty days on, it is nine days away: it is listed, and the home says how many — not who.
        server.Clock.Advance(TimeSpan.FromDays(20));
        await StaffPeople.SignInAsync(page, "dilnoza", key);
        await page.GotoAsync("/staff/tasks?lang=uz");
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Gulnoza" })).ToContainTextAsync("Roʻyxatdan oʻtish yoki ruxsatnoma muddati");
        await page.GotoAsync("/staff?lang=uz");
        var notice = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Muddati yaqin" });
        await Expect(notice).ToHaveTextAsync("Muddati yaqin ishlar: 1.");
        Assert.DoesNotContain("Gulnoza", await page.ContentAsync(), StringComparison.Ordinal);
    }


}
