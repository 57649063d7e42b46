using Amanat.Browser.Tests.Pages;
using Amanat.Browser.Tests.Support;
using Amanat.Core.Auditing;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Keys;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Amanat.Browser.Tests;

/// <summary>
/// The community's self-report on a 360-px phone with JavaScript off: in Kazakh it reaches the review
/// queue and becomes an incident; sent while the server is sealed it is readable after unsealing; and
/// she can withdraw it with her reference. The page's weight is measured here.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CommunityTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery staple";
    private const string Passphrase = "apricot valley winter road";

    [Fact]
    public async Task ASelfReportInKazakh_WithoutJavaScript_ReachesTheQueue_AndBecomesAnIncident()
    {
        var (server, address) = await browser.StartFreshAsync();
        await using var _ = server;
        var key = await StaffPeople.CreateAsync(server, "aigerim", StaffRoles.Coordinator);

        await using var phone = await browser.PhoneAsync(javaScript: false, locale: "kk-KZ", baseAddress: address);
        phone.SetDefaultTimeout(15_000);
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/report?lang=kk");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Не болғанын айтыңыз");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Жылдам шығу" })).ToBeVisibleAsync();
        await page.GetByLabel("Мені ұрды немесе жарақат салды").CheckAsync();
        await page.GetByLabel("Ақшаны тартып алды, талап етті немесе төлемеді").CheckAsync();
        await page.GetByLabel("Қай қалада?").SelectOptionAsync(new SelectOptionValue { Label = "Алматы" });
        await page.GetByLabel("Клиент", new() { Exact = true }).CheckAsync();
        await page.GetByText("Ол туралы не білесіз?").ClickAsync();
        await page.GetByLabel("Оның телефон нөмірі").FillAsync("8 701 123 4567");
        await page.GetByLabel("Өз сөзіңізбен (міндетті емес)").FillAsync("Клиент ұрып, ақша төлемеді.");
        await page.GetByLabel("Дәрігер").CheckAsync();
        await page.GetByLabel("Кім екенімді айтпай, басқа әйелдерді ескерту").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Жіберу" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Рақмет. Хабарыңызды алдық.");
        await Expect(page.Locator("code.reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$"));
        Assert.Empty(await phone.CookiesAsync());

        await using var laptop = await browser.PhoneAsync(locale: "ru-RU", baseAddress: address);
        laptop.SetDefaultTimeout(15_000);
        var staff = await laptop.NewPageAsync();
        await StaffPeople.SignInAsync(staff, "aigerim", key);
        await Expect(staff.GetByRole(AriaRole.Status).Filter(new() { HasText = "Сообщений ждут рассмотрения" })).ToHaveTextAsync("Сообщений ждут рассмотрения: 1.");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Сообщений ждут рассмотрения: 1." }).ClickAsync();
        await staff.Locator("main ul a").First.ClickAsync();
        await Expect(staff.GetByText("Клиент ұрып, ақша төлемеді.")).ToBeVisibleAsync();
        await Expect(staff.Locator("main dd").Filter(new() { HasText = "Қазақша" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(staff);
        await staff.GetByRole(AriaRole.Link, new() { Name = "Превратить в случай" }).ClickAsync();
        await Expect(staff.GetByText("Заполнено из сообщения", new() { Exact = false })).ToBeVisibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).First.ClickAsync();
        await Expect(staff.GetByText("Клиент ұрып, ақша төлемеді.")).ToBeVisibleAsync();
        Assert.Contains("/staff/incidents/", staff.Url, StringComparison.Ordinal);
        await staff.GotoAsync("/staff/reports?lang=ru");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Ждут рассмотрения: 0" })).ToBeVisibleAsync();
        await Expect(staff.GetByText("стало случаем")).ToBeVisibleAsync();
        await AssertAccessibleAsync(staff);

        // Cards for the community: issued in a batch, each code shown once, with its number.
        await staff.GotoAsync("/staff/access-codes?lang=ru");
        await AssertAccessibleAsync(staff);
        await staff.GetByLabel("Сколько").FillAsync("4");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Выдать и показать карточки" }).ClickAsync();
        await Expect(staff.Locator(".card")).ToHaveCountAsync(4);
        await Expect(staff.Locator(".card-serial").First).ToHaveTextAsync("№ 1");
        await AssertAccessibleAsync(staff);
    }

    [Fact]
    public async Task AReportSentWhileSealed_IsReadableAfterUnsealing_AndSheCanWithdrawIt()
    {
        var (server, address) = await browser.StartFreshAsync();
        await using var _ = server;
        var key = await StaffPeople.CreateAsync(server, "saule", StaffRoles.Coordinator);
        server.Services.GetRequiredService<KeyVault>().UsePassphrase(Passphrase);
        await server.Services.GetRequiredService<Sealing>().SealAsync(AuditSource.System);

        await using var phone = await browser.PhoneAsync(javaScript: false, locale: "ru-RU", baseAddress: address);
        phone.SetDefaultTimeout(15_000);
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/report?lang=ru");
        await page.GetByLabel("Забрали мои документы").CheckAsync();
        await page.GetByLabel("Полиция", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Своими словами (необязательно)").FillAsync("Паспорт забрали на проверке и не вернули.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить" }).ClickAsync();
        var reference = await page.Locator("code.reference").InnerTextAsync();

        await using var laptop = await browser.PhoneAsync(locale: "ru-RU", baseAddress: address);
        laptop.SetDefaultTimeout(15_000);
        var staff = await laptop.NewPageAsync();
        await staff.GotoAsync("/staff/unlock?lang=ru");
        await staff.GetByLabel("Парольная фраза").FillAsync(Passphrase);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Разблокировать" }).ClickAsync();
        await StaffPeople.SignInAsync(staff, "saule", key);
        await staff.GotoAsync("/staff/reports?lang=ru");
        await staff.Locator("main ul a").First.ClickAsync();
        await Expect(staff.GetByText("Паспорт забрали на проверке и не вернули.")).ToBeVisibleAsync();

        await page.GotoAsync("/report/withdraw?lang=ru");
        await page.GetByLabel("Номер сообщения").FillAsync(reference.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Отозвать" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Готово: сообщение удалено.");
        await staff.GotoAsync("/staff/reports?lang=ru");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Ждут рассмотрения: 0" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheReportPage_IsLight_LoadsNothingFromElsewhere_AndIsAccessible()
    {
        var (bytes, count) = await StaffPeople.WeighAsync(browser, "/report?lang=uz", "uz-UZ");
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "amanat-report-weight.txt"), $"{bytes} bytes in {count} responses");
        Assert.True(bytes <= 30 * 1024, $"/report weighs {bytes} bytes");
        await using var phone = await browser.PhoneAsync(locale: "uz-UZ");
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/report?lang=uz");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-report-360-uz.png"), FullPage = true });
        await page.Locator("fieldset").First.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-report-what-360-uz.png") });
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/report/withdraw?lang=uz");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task InUzbek_ACoordinatorPublishesAnAlert_AndAMemberWithACodeFindsTheNumber_TypedAnotherWay()
    {
        var (server, address) = await browser.StartFreshAsync();
        await using var _ = server;
        var key = await StaffPeople.CreateAsync(server, "malika", StaffRoles.Coordinator);
        Guid incidentId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            var author = await accounts.FindByNameAsync("malika");
            var save = scope.ServiceProvider.GetRequiredService<Amanat.Web.Features.Incidents.SaveIncident>();
            var incident = Amanat.Core.Incidents.Incident.Start(author!.Id, TestClock.UtcNow);
            var errors = await save.RunAsync(incident, new Amanat.Core.Incidents.IncidentDraft
            {
                OccurredOn = save.Today.AddDays(-5),
                CityCode = "ALA",
                Violations = ["CL-PHY", "CL-ROB"],
                People = [new() { WorkingName = "Gulnora", Consents = new Dictionary<string, Amanat.Core.Incidents.ConsentValue> { ["ALERT"] = Amanat.Core.Incidents.ConsentValue.Yes } }],
                Perpetrators = [new() { CategoryCode = "CLI", Phones = "87011234567" }],
                SourceCode = "SELF",
                ReliabilityCode = "FIRST",
            }, author.Id);
            Assert.Empty(errors);
            incidentId = incident.Id;
        }

        await using var laptop = await browser.PhoneAsync(locale: "uz-UZ", baseAddress: address);
        laptop.SetDefaultTimeout(15_000);
        var staff = await laptop.NewPageAsync();
        await StaffPeople.SignInAsync(staff, "malika", key);
        await staff.GotoAsync($"/staff/incidents/{incidentId}?lang=uz");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Ogohlantirish yozish" }).ClickAsync();
        await Expect(staff.GetByLabel("Telefon raqamlari")).ToHaveValueAsync("87011234567");
        await Expect(staff.GetByLabel("VI zoʻravonlik")).ToBeCheckedAsync();
        await staff.GetByLabel("Nimadan ehtiyot boʻlish kerak (Oʻzbekcha)").FillAsync("Oq Nexia, oʻzini Sasha deb ataydi");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Qoralamani saqlash" }).ClickAsync();
        await AssertAccessibleAsync(staff);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Tasdiqlash" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Eʼlon qilish" }).ClickAsync();
        await Expect(staff.Locator("dd").Filter(new() { HasText = "eʼlon qilingan" })).ToBeVisibleAsync();

        await staff.GotoAsync("/staff/access-codes?lang=uz");
        await staff.GetByLabel("Nechta").FillAsync("2");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Berish va kartochkalarni koʻrsatish" }).ClickAsync();
        var codes = await staff.Locator(".card-code code").AllInnerTextsAsync();
        await staff.GotoAsync("/staff/access-codes?lang=uz");
        await staff.GetByLabel("Kartochka raqami (№)").FillAsync("2");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Bekor qilish" }).ClickAsync();
        await staff.GotoAsync("/staff/alerts/sheet?lang=uz");
        await Expect(staff.GetByText("Oq Nexia, oʻzini Sasha deb ataydi")).ToBeVisibleAsync();
        await AssertAccessibleAsync(staff);

        await using var phone = await browser.PhoneAsync(javaScript: false, locale: "uz-UZ", baseAddress: address);
        phone.SetDefaultTimeout(15_000);
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/check?lang=uz");
        await page.GetByLabel("Kirish kodingiz").FillAsync(codes[0].ToLowerInvariant());
        await page.GetByLabel("Telefon yoki mashina raqami").FillAsync("+7 701 123 4567");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tekshirish" }).ClickAsync();
        await Expect(page.GetByText("Ehtiyot boʻling: bu raqam haqida xabarlar: 1")).ToBeVisibleAsync();
        await Expect(page.GetByText("zoʻravonlik — xabarlar: 1")).ToBeVisibleAsync();
        await Expect(page.GetByText("Oxirgisi:", new() { Exact = false })).ToHaveCountAsync(0); // a lone report: no city, no month
        Assert.DoesNotContain("Almati", await page.Locator("main [role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await Expect(page.GetByLabel("Telefon yoki mashina raqami")).ToHaveValueAsync("+7 701 123 4567");
        await Expect(page.GetByLabel("Kirish kodingiz")).ToHaveValueAsync(string.Empty); // her code is never shown back
        Assert.Empty(await phone.CookiesAsync());

        await page.GetByLabel("Kirish kodingiz").FillAsync(codes[1]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tekshirish" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Bu kartochka endi amal qilmaydi. Markazdan yoki autrich xodimidan yangisini soʻrang.");
        await Expect(page.GetByText("Ehtiyot boʻling", new() { Exact = false })).ToHaveCountAsync(0);

        await page.GotoAsync("/alerts?lang=uz&theme=dark");
        await page.GetByLabel("Kirish kodingiz").FillAsync(codes[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ogohlantirishlarni koʻrsatish" }).ClickAsync();
        await Expect(page.GetByText("Oq Nexia, oʻzini Sasha deb ataydi")).ToBeVisibleAsync();
        await Expect(page.GetByText("+7 701 ••• •• 67", new() { Exact = false })).ToBeVisibleAsync(); // the feed shows the number masked
        Assert.DoesNotContain("123", await page.Locator("main .alert-card").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-alerts-dark-360-uz.png"), FullPage = true });
    }

    [Fact]
    public async Task TheCheckAlertsAndHelpPages_AreLight_LoadNothingFromElsewhere_AndAreAccessible()
    {
        var weights = new List<string>();
        foreach (var path in new[] { "/check?lang=kk", "/alerts?lang=kk", "/alerts?lang=kk&theme=dark", "/help?lang=kk" })
        {
            var (bytes, count) = await StaffPeople.WeighAsync(browser, path, "kk-KZ");
            weights.Add($"{path}: {bytes} bytes in {count} responses");
            Assert.True(bytes <= 30 * 1024, $"{path} weighs {bytes} bytes");
            await using var phone = await browser.PhoneAsync(locale: "kk-KZ");
            var page = await phone.NewPageAsync();
            await page.GotoAsync(path);
            await AssertAccessibleAsync(page);
        }

        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "amanat-community-weights.txt"), weights);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, page.Url + ": " + string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Take(2).Select(n => n.Html))}")));
    }


}
